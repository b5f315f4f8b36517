import type { Article } from '../../shared/article.js'
import { stateLabel } from '../i18n/i18n.js'
import { useWords } from './words.js'
import './panels.css'
import { BidiText } from './BidiText.js'

/** The article's transitions, newest first: from, to, when, by whom, and the note. */
export function HistoryPanel(props: { article: Article }) {
  const { words, when } = useWords()
  const history = [...props.article.history].reverse()
  if (history.length === 0) return <p className="empty">{words.noHistory}</p>
  return (
    <ol className="history" aria-label={words.historyTab}>
      {history.map((move, index) => (
        <li key={index}>
          <strong>
            {move.from ? `${stateLabel(words, move.from)} ← ` : ''}
            {stateLabel(words, move.to)}
          </strong>
          <span className="item-meta">
            {when(move.at)} · {move.by === 'scheduler' ? words.byScheduler : move.by}
          </span>
          {move.by === 'scheduler' ? (
            <span>{words.reason_publishedOnSchedule}</span>
          ) : (
            move.note && (
              <span dir="auto">
                <BidiText text={move.note} />
              </span>
            )
          )}
        </li>
      ))}
    </ol>
  )
}
