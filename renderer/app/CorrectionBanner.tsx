import { useId, useState } from 'react'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'
import './banners.css'

/**
 * Above a published story: it is shown as it went out, and changing it is a correction. The
 * note says what is corrected; with it the story moves to «corrected» (the note in its history
 * and in every export), becomes editable, and publishing it again writes its files again.
 */
export function CorrectionBanner(props: { articleId: string; onStarted: () => void }) {
  const { words } = useWords()
  const { desk } = useDesk()
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const noteId = useId()
  const start = async () => {
    if (!note.trim()) return setProblem(words.correctionNeedsNote)
    const result = await desk.queue.move({
      id: props.articleId,
      to: 'corrected',
      note: note.trim(),
    })
    if (!result.ok) return setProblem(describeError(words, result.error))
    props.onStarted()
  }
  return (
    <section className="correction-banner" aria-label={words.correctionTitle}>
      <p>{words.correctionHint}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void start()
        }}
      >
        <label htmlFor={noteId}>{words.correctionNote}</label>
        <input
          id={noteId}
          dir="auto"
          value={note}
          maxLength={500}
          onChange={(event) => {
            setNote(event.target.value)
            setProblem(null)
          }}
        />
        <button type="submit">{words.correctionStart}</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
    </section>
  )
}
