import type { Article } from '../../shared/article.js'
import { fill, stateLabel } from '../i18n/i18n.js'
import { useWords } from './words.js'
import './panels.css'
import { BidiText } from './BidiText.js'
import { RevisionsPanel } from './RevisionsPanel.js'

/** The article's kept revisions (RevisionsPanel), then its transitions, newest first. */
export function HistoryPanel(props: {
  article: Article
  onRestored: () => void
  onError: (message: string) => void
}) {
  const { words, when, number } = useWords()
  const history = [...props.article.history].reverse()
  return (
    <>
      <RevisionsPanel
        article={props.article}
        onRestored={props.onRestored}
        onError={props.onError}
      />
      <h3>{words.movesTitle}</h3>
      {history.length === 0 && <p className="empty">{words.noHistory}</p>}
      <ol className="history" aria-label={words.movesTitle}>
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
            {move.override && (
              <span dir="auto" data-testid="override">
                {fill(words.overrideRecorded, {
                  count: number(move.override.findings),
                  reason: move.override.reason,
                })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  )
}
