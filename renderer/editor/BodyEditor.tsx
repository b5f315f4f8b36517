import { useCallback, useEffect, useRef, useState } from 'react'
import { documentText, selectFirstMatch } from './first-match.js'
import type { Delta } from '../../shared/article.js'
import { fileToBase64 } from '../api/files.js'
import { useWords } from '../app/words.js'
import { type CaretFormats, EditorToolbar, type ToolbarCommand } from './EditorToolbar.js'
import { FindReplace } from './FindReplace.js'
import { ImageDialog } from './ImageDialog.js'
import { pasteInto } from './paste.js'
import { followFirstStrongLetter } from './auto-direction.js'
import { drawLatinRuns, withoutLatinRuns } from './latin-runs.js'
import { fitForLongArticles } from './large-document.js'
import { quillHtml } from './quill-html.js'
import { LinkDialog } from './LinkDialog.js'
import { Delta as QuillDelta, type Quill, createEditor, setMediaResolver } from './quill-setup.js'
import { applyCommand, rtlLine } from './editor-commands.js'
import { type EditorAction, editorAction, houseQuote, isMac } from './shortcuts.js'
import './editor.css'
import { useDesk } from '../app/desk-context.js'

/**
 * The article body: Quill 2 mounted by our own hook, right to left by default. The Delta is
 * read only when it is saved (`onBodyChanged` hands over a reader), never serialised per key.
 */
export function BodyEditor(props: {
  articleId: string
  initial: Delta
  /** A published story: shown, not edited, until a correction begins. */
  readOnly?: boolean
  quoteStyle: 'straight' | 'guillemets'
  onBodyChanged: (read: () => Delta) => void
  onText: (text: string) => void
  onError: (message: string) => void
  onSave: () => void
  /** Open review notes to show beside their paragraphs (index among non-empty paragraphs). */
  noteMarks?: { paragraph: number; text: string }[]
  /** Search words the article was opened from: the first match is selected and shown. */
  highlight?: string[]
  /** The editor once made (and null when it goes), for what draws on it: house style. */
  onQuill?: (quill: Quill | null) => void
}) {
  const { words } = useWords()
  const { desk, mediaUrl } = useDesk()
  const media = useRef(mediaUrl)
  const host = useRef<HTMLDivElement>(null)
  const quillRef = useRef<Quill | null>(null)
  const latest = useRef(props)
  const [formats, setFormats] = useState<CaretFormats>({})
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null)
  const [find, setFind] = useState<{ replace: boolean } | null>(null)
  const [textRevision, setTextRevision] = useState(0)
  const range = useRef<{ index: number; length: number }>({ index: 0, length: 0 })
  const [markTops, setMarkTops] = useState<{ top: number; text: string }[]>([])

  useEffect(() => {
    latest.current = props
    media.current = mediaUrl
  })

  useEffect(() => {
    const element = document.createElement('div')
    host.current?.append(element)
    setMediaResolver((file) => media.current(props.articleId, file))
    const quill = createEditor(element, words.bodyPlaceholder)
    fitForLongArticles(quill, QuillDelta)
    quill.setContents(new QuillDelta(props.initial.ops), 'silent')
    if (props.readOnly) quill.enable(false)
    // A new article starts right to left.
    if (quill.getLength() <= 1) quill.formatLine(0, 1, rtlLine, 'silent')
    quill.history.clear()
    quill.root.setAttribute('aria-label', words.body)
    quill.root.setAttribute('role', 'textbox')
    quill.root.setAttribute('aria-multiline', 'true')
    quill.root.setAttribute('lang', 'ar')
    quillRef.current = quill
    selectFirstMatch(quill, props.highlight ?? [])
    latest.current.onQuill?.(quill)
    let idle: ReturnType<typeof setTimeout> | undefined
    let shown = ''
    const onTextChange = () => {
      latest.current.onBodyChanged(() => withoutLatinRuns(quill.getContents() as unknown as Delta))
      clearTimeout(idle)
      // Counts and find results follow when typing pauses, not on each key.
      idle = setTimeout(() => {
        latest.current.onText(quill.getText())
        setTextRevision((n) => n + 1)
      }, 400)
    }
    const onEditorChange = () => {
      const selection = quill.getSelection()
      if (!selection) return
      range.current = selection
      const next = quill.getFormat(selection)
      const key = JSON.stringify(next)
      if (key !== shown) {
        shown = key
        setFormats(next)
      }
    }
    quill.on('text-change', onTextChange)
    quill.on('editor-change', onEditorChange)
    const stopFollowing = followFirstStrongLetter(quill)
    const drawing = drawLatinRuns(quill)
    latest.current.onText(quill.getText())
    return () => {
      clearTimeout(idle)
      stopFollowing()
      drawing.stop()
      quill.off('text-change', onTextChange)
      quill.off('editor-change', onEditorChange)
      element.remove()
      latest.current.onQuill?.(null)
      quillRef.current = null
    }
    // One editor per article; its undo history goes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.articleId])

  // Note badges sit beside their paragraphs; placed again when the text settles.
  const noteKey = JSON.stringify(props.noteMarks ?? [])
  useEffect(() => {
    const quill = quillRef.current
    const marks = JSON.parse(noteKey) as { paragraph: number; text: string }[]
    if (!quill || marks.length === 0) return setMarkTops([])
    const lines = quill.getLines().filter((line) => (line.domNode.textContent ?? '').trim() !== '')
    setMarkTops(
      marks.flatMap((mark) => {
        const node = lines[mark.paragraph]?.domNode as HTMLElement | undefined
        return node ? [{ top: node.offsetTop, text: mark.text }] : []
      }),
    )
  }, [noteKey, textRevision])

  const run = useCallback((command: ToolbarCommand | { kind: EditorAction }) => {
    const quill = quillRef.current
    if (!quill) return
    applyCommand(quill, command, range.current, {
      dialog: (kind) => {
        range.current = quill.getSelection(true)
        setDialog(kind)
      },
      find: (replace) => setFind({ replace }),
      save: () => latest.current.onSave(),
    })
    setFormats(quill.getFormat(range.current))
  }, [])

  const quote = (event: React.KeyboardEvent) => {
    const quill = quillRef.current
    if (!quill || event.key !== '"' || latest.current.quoteStyle === 'straight') return
    const selection = quill.getSelection(true)
    if (quill.getFormat(selection).direction !== 'rtl') return
    event.preventDefault()
    // The paragraph up to the caret: whether a quote opens or closes, and which pair.
    const [, offset] = quill.getLine(selection.index)
    const before = quill.getText(selection.index - offset, offset)
    const mark = houseQuote('guillemets', before)
    quill.deleteText(selection.index, selection.length, 'user')
    quill.insertText(selection.index, mark, 'user')
    quill.setSelection(selection.index + 1, 0, 'user')
  }

  // The caret as it was when a dialog opened, given back when it closes.
  const returnCaret = () => {
    const { index, length } = range.current
    quillRef.current?.setSelection(index, length, 'user')
  }

  const insertImage = async (file: File, alt: string, caption: string) => {
    const quill = quillRef.current
    // Where the caret stood: the upload takes a moment, and the focus comes back meanwhile.
    const at = range.current.index
    setDialog(null)
    if (!quill) return
    const added = await desk.media.add({
      articleId: props.articleId,
      fileName: file.name,
      base64: await fileToBase64(file),
    })
    if (!added.ok) return props.onError(added.error.message)
    const attributes: Record<string, string> = {}
    if (alt) attributes.alt = alt
    if (caption) attributes.caption = caption
    quill.updateContents(
      new QuillDelta().retain(at).insert({ image: added.value.file }, attributes),
      'user',
    )
    quill.setSelection(at + 1, 0, 'user')
  }

  const applyLink = (href: string | null) => {
    const quill = quillRef.current
    setDialog(null)
    if (!quill) return
    const { index, length } = range.current
    quill.setSelection(index, length, 'silent')
    if (href === null) quill.format('link', false, 'user')
    else if (length === 0) {
      quill.insertText(index, href, { link: href }, 'user')
      quill.setSelection(index + href.length, 0, 'user')
    } else quill.format('link', href, 'user')
  }

  // Every paste goes through the converter import uses (paste.ts), not Quill's clipboard.
  const paste = (event: React.ClipboardEvent) => {
    const quill = quillRef.current
    const clipboard = {
      html: event.clipboardData.getData('text/html'),
      text: event.clipboardData.getData('text/plain'),
    }
    if (!quill || (!clipboard.html && !clipboard.text)) return
    event.preventDefault()
    event.stopPropagation()
    pasteInto(quill, clipboard, (delta) =>
      quillHtml(delta, (file) => media.current(props.articleId, file)),
    )
  }

  return (
    <div
      className="body-editor"
      onPasteCapture={paste}
      onKeyDownCapture={(event) => {
        const action = editorAction(event, isMac())
        if (action) {
          // Handled here, before Quill's own bindings (which match `key`, not the physical key).
          event.preventDefault()
          event.stopPropagation()
          run({ kind: action })
          return
        }
        quote(event)
      }}
    >
      <EditorToolbar formats={formats} mac={isMac()} onCommand={run} />
      {find && (
        <FindReplace
          withReplace={find.replace}
          revision={textRevision}
          text={() => (quillRef.current ? documentText(quillRef.current) : '')}
          onSelect={(start, end) => quillRef.current?.setSelection(start, end - start, 'user')}
          onReplace={(matches, replacement) => {
            const quill = quillRef.current
            if (!quill) return
            for (const match of [...matches].reverse()) {
              const style = quill.getFormat(match.start, 1)
              quill.deleteText(match.start, match.end - match.start, 'user')
              quill.insertText(match.start, replacement, style, 'user')
            }
            setTextRevision((n) => n + 1)
          }}
          onClose={() => setFind(null)}
        />
      )}
      <div ref={host} className="body-host">
        {markTops.map((mark, index) => (
          <span
            key={index}
            className="note-mark"
            style={{ top: mark.top }}
            title={mark.text}
            role="note"
            aria-label={mark.text}
          >
            ✎
          </span>
        ))}
      </div>
      {dialog === 'link' && (
        <LinkDialog
          initial={typeof formats.link === 'string' ? formats.link : ''}
          onApply={applyLink}
          onClose={() => setDialog(null)}
          returnFocus={returnCaret}
        />
      )}
      {dialog === 'image' && (
        <ImageDialog
          onInsert={(file, alt, caption) => void insertImage(file, alt, caption)}
          onClose={() => setDialog(null)}
          returnFocus={returnCaret}
        />
      )}
    </div>
  )
}
