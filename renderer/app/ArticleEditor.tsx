import { type RefObject, useEffect, useRef, useState } from 'react'
import type { Article } from '../../shared/article.js'
import type { DeskApi } from '../../shared/contract.js'
import { paragraphsToDelta } from '../../shared/delta.js'
import { Autosaver, type SaveStatus } from './autosave.js'
import { useWords } from './words.js'

/** Splits the shell's plain text into paragraphs: one per non-empty line, kept as written. */
export function textToParagraphs(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

/**
 * The shell's simple editor: headline and plain paragraphs, autosaved. The Quill editor of
 * the editor issue replaces the body field.
 */
export function ArticleEditor(props: {
  article: Article
  desk: DeskApi
  saverRef: RefObject<Autosaver | null>
  onSaved: (article: Article) => void
  onStatus: (status: SaveStatus) => void
  onWordCount: (count: number) => void
  onTrash: () => void
}) {
  const { words } = useWords()
  const { article, desk, saverRef, onSaved, onStatus, onWordCount } = props
  const [headline, setHeadline] = useState(article.headline)
  const [bodyText, setBodyText] = useState(article.text.join('\n'))
  const headlineRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const saver = new Autosaver({ article, save: desk.articles.save, onSaved, onStatus })
    saverRef.current = saver
    onStatus({ kind: 'saved', at: article.updatedAt })
    if (!article.headline) headlineRef.current?.focus()
    return () => {
      saver.dispose()
      void saver.flush()
    }
    // One saver per opened article; later renders of the same article keep it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id])

  useEffect(() => {
    onWordCount(countWords(`${headline} ${bodyText}`))
  }, [headline, bodyText, onWordCount])

  return (
    <article className="editor">
      <div className="editor-actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (window.confirm(words.trashConfirm)) props.onTrash()
          }}
        >
          {words.trash}
        </button>
      </div>
      <label className="field">
        <span>{words.headline}</span>
        <input
          ref={headlineRef}
          className="headline"
          dir="rtl"
          lang="ar"
          value={headline}
          placeholder={words.headlinePlaceholder}
          onChange={(event) => {
            setHeadline(event.target.value)
            saverRef.current?.change({ headline: event.target.value })
          }}
        />
      </label>
      <label className="field grow">
        <span>{words.body}</span>
        <textarea
          className="body"
          dir="rtl"
          lang="ar"
          value={bodyText}
          placeholder={words.bodyPlaceholder}
          onChange={(event) => {
            setBodyText(event.target.value)
            saverRef.current?.change({
              body: paragraphsToDelta(textToParagraphs(event.target.value)),
            })
          }}
          onBlur={() => void saverRef.current?.flush()}
        />
      </label>
    </article>
  )
}

/** Words in a text, as an editor counts them: runs of letters and digits between spaces. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}
