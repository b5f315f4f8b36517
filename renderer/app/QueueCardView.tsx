import type { ArticleState } from '../../shared/article.js'
import { type QueueCard, transitions } from '../../shared/workflow.js'
import { stateLabel } from '../i18n/i18n.js'
import { useWords } from './words.js'
import { BidiText } from './BidiText.js'
import { reasonWords } from './describe-error.js'

/**
 * One card on the queue board: selectable, opened by its headline, dragged to another column
 * or moved by its menu (a select: the keyboard's way), with a missed schedule said on it.
 */
export function QueueCardView(props: {
  card: QueueCard
  selected: boolean
  when: (iso: string) => string
  onSelected: (selected: boolean) => void
  onOpen: () => void
  onRetry: () => void
  onMove: (to: ArticleState) => void
}) {
  const { words, number } = useWords()
  const { card } = props
  return (
    <article
      className={`card ${card.missedSchedule ? 'missed' : ''}`}
      draggable
      onDragStart={(event) => event.dataTransfer.setData('application/x-midad-article', card.id)}
      aria-label={card.headline || words.untitled}
    >
      <label className="check">
        <input
          type="checkbox"
          aria-label={`${words.selectCard}: ${card.headline || words.untitled}`}
          checked={props.selected}
          onChange={(event) => props.onSelected(event.target.checked)}
        />
      </label>
      <button
        type="button"
        className="card-headline"
        dir="auto"
        onClick={props.onOpen}
        title={words.openArticle}
      >
        <BidiText text={card.headline || words.untitled} />
      </button>
      <span className="item-meta">
        {[card.section, card.byline, `${words.priority} ${number(card.priority)}`]
          .filter(Boolean)
          .join(' · ')}
      </span>
      <span className="item-meta">
        {words.age}: {props.when(card.updatedAt)}
      </span>
      {card.scheduledAt && (
        <span className="item-meta">
          {words.scheduledFor}: {props.when(card.scheduledAt)}
        </span>
      )}
      {card.missedSchedule && (
        <div className="missed-flag">
          <p role="status">
            {words.missedSchedule}
            {card.missedReason ? `: ${reasonWords(words, card.missedReason)}.` : '.'}
          </p>
          <button type="button" onClick={props.onRetry}>
            {words.retryPublish}
          </button>
        </div>
      )}
      <select
        aria-label={`${words.moveTo} ${card.headline || words.untitled}`}
        value=""
        onChange={(event) => props.onMove(event.target.value as ArticleState)}
      >
        <option value="">{words.moveTo}</option>
        {transitions[card.state].map((to) => (
          <option key={to} value={to}>
            {stateLabel(words, to)}
          </option>
        ))}
      </select>
    </article>
  )
}
