import { useState } from 'react'
import type { ArticleState } from '../../shared/article.js'
import { fromWallClock } from '../../shared/site-date.js'
import { stateLabel } from '../i18n/i18n.js'
import { Dialog } from './Dialog.js'
import { useWords } from './words.js'

/** A move that needs more than a click: a note when returning, a time when scheduling. */
export function MoveDialog(props: {
  to: ArticleState
  count: number
  timeZone: string
  onMove: (move: { note?: string; at?: string }) => void
  onClose: () => void
}) {
  const { words } = useWords()
  const [note, setNote] = useState('')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('09:00')
  const at = props.to === 'scheduled' ? fromWallClock(date, time, props.timeZone) : undefined
  return (
    <Dialog
      title={`${words.moveTitle}: ${stateLabel(words, props.to)}${props.count > 1 ? ` (${props.count})` : ''}`}
      onClose={props.onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          props.onMove({ note: note.trim() || undefined, at: at ?? undefined })
        }}
      >
        {props.to === 'scheduled' && (
          <div className="field-pair">
            <label className="field">
              <span>
                {words.moveAt} ({props.timeZone})
              </span>
              <input
                type="date"
                value={date}
                required
                onChange={(event) => setDate(event.target.value)}
              />
            </label>
            <label className="field">
              <span>{words.publishTime}</span>
              <input
                type="time"
                value={time}
                required
                onChange={(event) => setTime(event.target.value)}
              />
            </label>
          </div>
        )}
        <label className="field">
          <span>{words.moveNote}</span>
          <textarea
            dir="auto"
            rows={3}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <div className="dialog-row">
          <button type="submit" className="primary" disabled={props.to === 'scheduled' && !at}>
            {words.moveConfirm}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
