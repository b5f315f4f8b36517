import { useId, useRef, useState } from 'react'
import type { ArticleState } from '../../shared/article.js'
import { fromWallClock } from '../../shared/site-date.js'
import { fill, stateLabel } from '../i18n/i18n.js'
import { zoneName } from '../i18n/time-zones.js'
import { DateField, TimeField } from './DateTimeFields.js'
import { Dialog } from './Dialog.js'
import { useWords } from './words.js'

/**
 * A move that needs more than a click: a note when returning (refused here when empty, in the
 * editor's language, before the desk is asked), a time when scheduling.
 */
export function MoveDialog(props: {
  to: ArticleState
  count: number
  timeZone: string
  /** House-style findings the move must override (a reason asked for and kept in history). */
  override?: number
  onMove: (move: { note?: string; at?: string; override?: string }) => void
  onClose: () => void
}) {
  const { words, language, number } = useWords()
  const [note, setNote] = useState('')
  const [override, setOverride] = useState('')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('09:00')
  const [problem, setProblem] = useState<string | null>(null)
  const noteField = useRef<HTMLTextAreaElement>(null)
  const problemId = useId()
  const at = props.to === 'scheduled' ? fromWallClock(date, time, props.timeZone) : undefined
  const returning = props.to === 'draft'
  return (
    <Dialog
      title={`${words.moveTitle}: ${stateLabel(words, props.to)}${props.count > 1 ? ` (${number(props.count)})` : ''}`}
      onClose={props.onClose}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          if (returning && !note.trim()) {
            setProblem(words.reason_returnNeedsNote)
            noteField.current?.focus()
            return
          }
          if (props.to === 'scheduled' && !at) {
            setProblem(words.reason_scheduleNeedsTime)
            return
          }
          if (props.override && !override.trim()) {
            setProblem(fill(words.overrideNeeded, { count: number(props.override) }))
            return
          }
          props.onMove({
            note: note.trim() || undefined,
            at: at ?? undefined,
            override: props.override ? override.trim() : undefined,
          })
        }}
      >
        {props.to === 'scheduled' && (
          <div className="field-pair">
            <div className="field">
              <span>
                {words.moveAt} — {zoneName(props.timeZone, language)}
              </span>
              <DateField label={words.moveAt} value={date} required onChange={setDate} />
            </div>
            <div className="field">
              <span>{words.publishTime}</span>
              <TimeField label={words.publishTime} value={time} required onChange={setTime} />
            </div>
          </div>
        )}
        {props.override !== undefined && (
          <>
            <p>{fill(words.overrideNeeded, { count: number(props.override) })}</p>
            <label className="field">
              <span>{words.overrideLabel}</span>
              <textarea
                dir="auto"
                rows={2}
                required
                value={override}
                onChange={(event) => {
                  setOverride(event.target.value)
                  setProblem(null)
                }}
              />
            </label>
          </>
        )}
        <label className="field">
          <span>{returning ? words.moveNoteRequired : words.moveNote}</span>
          <textarea
            ref={noteField}
            dir="auto"
            rows={3}
            value={note}
            aria-invalid={problem !== null && returning && !note.trim()}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => {
              setNote(event.target.value)
              setProblem(null)
            }}
          />
        </label>
        {problem && (
          <p id={problemId} className="failed" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-row">
          <button type="submit" className="primary">
            {words.moveConfirm}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
