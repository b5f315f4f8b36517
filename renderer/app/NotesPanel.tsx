import { useState } from 'react'
import type { Article, ReviewNote } from '../../shared/article.js'
import { noteParagraph } from '../../shared/notes.js'
import { useWords } from './words.js'
import './panels.css'
import { describeError, findingsToOverride } from './describe-error.js'
import { MoveDialog } from './MoveDialog.js'
import { useDesk } from './desk-context.js'
import { BidiText } from './BidiText.js'

/**
 * Review notes: on the whole article or on a paragraph; the writer resolves them. While the
 * article is in review, the reviewer approves it or returns it with a note from here.
 */
export function NotesPanel(props: {
  article: Article
  notes: ReviewNote[]
  paragraphs: string[]
  onNotes: (notes: ReviewNote[]) => void
  onMoved: () => void
  onError: (message: string) => void
}) {
  const { words, when, number } = useWords()
  const [text, setText] = useState('')
  const [paragraph, setParagraph] = useState(-1)
  const [returnNote, setReturnNote] = useState('')
  const { article, onNotes, onError } = props
  const { desk } = useDesk()
  const open = props.notes.filter((note) => !note.resolvedAt)
  const done = props.notes.filter((note) => note.resolvedAt)
  const where = (note: ReviewNote) => {
    const index = noteParagraph(note, props.paragraphs)
    return index === null ? words.wholeArticle : `${words.paragraphN} ${number(index + 1)}`
  }
  const [override, setOverride] = useState<number | null>(null)
  const move = async (to: 'ready' | 'draft', note?: string, reason?: string) => {
    const result = await desk.queue.move({ id: article.id, to, note, override: reason })
    if (result.ok) props.onMoved()
    else if (to === 'ready' && !reason && findingsToOverride(result.error) !== null)
      setOverride(findingsToOverride(result.error))
    else onError(describeError(words, result.error))
  }
  const item = (note: ReviewNote) => (
    <li key={note.id} className={note.resolvedAt ? 'resolved' : ''}>
      <span className="item-meta">
        {where(note)} · {note.by} · {when(note.at)}
      </span>
      {note.anchor?.quote && (
        <q className="note-quote" dir="auto">
          <BidiText text={note.anchor.quote} />
        </q>
      )}
      <span dir="auto">
        <BidiText text={note.text} />
      </span>
      {!note.resolvedAt && (
        <button
          type="button"
          onClick={async () => {
            const result = await desk.notes.resolve({ id: article.id, noteId: note.id })
            if (result.ok) onNotes(result.value.notes ?? [])
            else onError(describeError(words, result.error))
          }}
        >
          {words.resolveNote}
        </button>
      )}
    </li>
  )
  return (
    <section className="notes" aria-label={words.notesTab}>
      {article.state === 'in_review' && (
        <fieldset className="review">
          <legend>{words.reviewActions}</legend>
          <button type="button" className="primary" onClick={() => void move('ready')}>
            {words.approve}
          </button>
          <label className="field">
            <span>{words.returnNote}</span>
            <textarea
              dir="auto"
              rows={2}
              value={returnNote}
              onChange={(event) => setReturnNote(event.target.value)}
            />
          </label>
          <button
            type="button"
            disabled={!returnNote.trim()}
            onClick={() => void move('draft', returnNote.trim())}
          >
            {words.returnToWriter}
          </button>
        </fieldset>
      )}
      <form
        className="note-form"
        onSubmit={async (event) => {
          event.preventDefault()
          const result = await desk.notes.add({
            id: article.id,
            text,
            paragraph: paragraph >= 0 ? paragraph : undefined,
          })
          if (!result.ok) return onError(describeError(words, result.error))
          onNotes(result.value.notes ?? [])
          setText('')
        }}
      >
        <label className="field">
          <span>{words.noteOn}</span>
          <select value={paragraph} onChange={(event) => setParagraph(Number(event.target.value))}>
            <option value={-1}>{words.wholeArticle}</option>
            {props.paragraphs.map((p, index) => (
              <option key={index} value={index}>
                {words.paragraphN} {number(index + 1)}: {p.slice(0, 40)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{words.noteText}</span>
          <textarea
            dir="auto"
            rows={2}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" disabled={!text.trim()}>
          {words.addNote}
        </button>
      </form>
      <h3>{words.openNotes}</h3>
      {open.length ? (
        <ul className="note-list">{open.map(item)}</ul>
      ) : (
        <p className="empty">{words.noNotes}</p>
      )}
      {done.length > 0 && (
        <details>
          <summary>
            {words.resolvedNotes} ({number(done.length)})
          </summary>
          <ul className="note-list">{done.map(item)}</ul>
        </details>
      )}
      {override !== null && (
        <MoveDialog
          to="ready"
          count={1}
          timeZone=""
          override={override}
          onMove={(extra) => {
            setOverride(null)
            void move('ready', extra.note, extra.override)
          }}
          onClose={() => setOverride(null)}
        />
      )}
    </section>
  )
}
