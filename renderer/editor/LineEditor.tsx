import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { drawLatinRuns } from './latin-runs.js'
import { Quill } from './quill-setup.js'
import './line-editor.css'

/** What a line field offers its form: focus, as an input would; its editor, to draw on. */
export interface LineEditorHandle {
  focus: () => void
  quill: () => Quill | null
}

/** One line of text: newlines (typed, pasted) become spaces. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ')

/**
 * A one-line text field (the headline, the kicker, the summary) as a small editor instead of an
 * `<input>`: an input cannot draw part of its text isolated, so `"OPEC+"` would show as
 * `"+OPEC"` in it; here each Latin run is drawn as written (latin-runs.ts), the text itself
 * untouched. Plain text only: no formats, Enter adds nothing, a paste comes in as one line.
 */
export const LineEditor = forwardRef<
  LineEditorHandle,
  {
    id: string
    value: string
    onChange: (value: string) => void
    labelledBy: string
    describedBy?: string
    invalid?: boolean
    readOnly?: boolean
    placeholder?: string
    className: string
  }
>(function LineEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null)
  const quillRef = useRef<Quill | null>(null)
  const redrawRef = useRef<() => void>(() => undefined)
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })
  useImperativeHandle(
    ref,
    () => ({ focus: () => quillRef.current?.focus(), quill: () => quillRef.current }),
    [],
  )

  useEffect(() => {
    const element = document.createElement('div')
    host.current?.append(element)
    const quill = new Quill(element, {
      formats: ['latin'],
      placeholder: latest.current.placeholder,
      modules: {
        toolbar: false,
        history: { delay: 800, maxStack: 200, userOnly: true },
        keyboard: {
          bindings: {
            // One line: Enter adds nothing; Tab leaves the field, as from an input.
            enter: { key: 'Enter', handler: () => false },
            'enter shift': { key: 'Enter', shiftKey: true, handler: () => false },
            tab: null,
            'remove tab': null,
            indent: null,
            outdent: null,
            bold: null,
            italic: null,
            underline: null,
          },
        },
      },
    })
    quill.root.spellcheck = false // the desk's own spellchecker marks words (use-spelling.ts)
    quill.setText(oneLine(latest.current.value), 'silent')
    quill.history.clear()
    if (latest.current.readOnly) quill.enable(false)
    const root = quill.root
    root.id = latest.current.id
    root.setAttribute('role', 'textbox')
    root.setAttribute('aria-multiline', 'false')
    root.setAttribute('dir', 'rtl')
    root.setAttribute('lang', 'ar')
    const drawing = drawLatinRuns(quill, { rightToLeft: true })
    redrawRef.current = drawing.redraw
    const onText = (_delta: unknown, _old: unknown, source: string) => {
      if (source === 'silent') return
      latest.current.onChange(quill.getText().replace(/\n$/, ''))
    }
    quill.on('text-change', onText)
    quillRef.current = quill
    return () => {
      drawing.stop()
      quill.off('text-change', onText)
      element.remove()
      quillRef.current = null
    }
  }, [])

  // The field's words for assistive technology, kept in step with the form's.
  useEffect(() => {
    const root = quillRef.current?.root
    if (!root) return
    root.setAttribute('aria-labelledby', props.labelledBy)
    if (props.describedBy) root.setAttribute('aria-describedby', props.describedBy)
    else root.removeAttribute('aria-describedby')
    root.setAttribute('aria-invalid', props.invalid ? 'true' : 'false')
  }, [props.labelledBy, props.describedBy, props.invalid])

  // A value set from outside (another article's, a recovered copy's) replaces the text.
  useEffect(() => {
    const quill = quillRef.current
    if (!quill) return
    const current = quill.getText().replace(/\n$/, '')
    if (current === props.value) return
    quill.setText(oneLine(props.value), 'silent')
    redrawRef.current()
  }, [props.value])

  return (
    <div
      ref={host}
      className={`line-editor ${props.className}`}
      onPasteCapture={(event) => {
        // Pasted as plain text on one line, whatever the clipboard holds.
        const quill = quillRef.current
        if (!quill) return
        event.preventDefault()
        event.stopPropagation()
        const text = oneLine(event.clipboardData.getData('text/plain'))
        const { index, length } = quill.getSelection(true)
        quill.deleteText(index, length, 'user')
        quill.insertText(index, text, 'user')
        quill.setSelection(index + text.length, 0, 'user')
      }}
    />
  )
})
