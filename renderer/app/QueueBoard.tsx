import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ArticleState } from '../../shared/article.js'
import type { Settings } from '../../shared/settings.js'
import { type QueueCard, boardOrder, queueCards, transitions } from '../../shared/workflow.js'
import { stateLabel } from '../i18n/i18n.js'
import { MoveDialog } from './MoveDialog.js'
import { QueueCardView } from './QueueCardView.js'
import { useWords } from './words.js'
import './queue.css'
import { describeError, findingsToOverride } from './describe-error.js'
import { useDesk } from './desk-context.js'
import './screen.css'

/** The cards each column shows at most (the column's count says how many there are). */
const columnSize = 200

/** A move waiting for its note or time. */
interface PendingMove {
  ids: string[]
  to: ArticleState
  /** House-style findings to override (a move to ready the desk refused for them). */
  override?: number
}

/**
 * The publishing queue: one column per state, right to left; cards move by their menu, by
 * keyboard (the menu is a select), or by dragging; refused moves say why; filters, sort,
 * counts, and bulk actions on selected cards.
 */
export function QueueBoard(props: {
  settings: Settings
  onOpen: (id: string) => void
  onMoved: (id: string) => void
  onError: (message: string) => void
  onClose: () => void
}) {
  const { words, when, number } = useWords()
  const { settings, onError, onMoved } = props
  const { desk } = useDesk()
  const [cards, setCards] = useState<QueueCard[]>([])
  const [section, setSection] = useState('')
  const [priority, setPriority] = useState(0)
  const [text, setText] = useState('')
  const [sort, setSort] = useState<'priority' | 'oldest' | 'newest'>('priority')
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [pending, setPending] = useState<PendingMove | null>(null)

  const [totals, setTotals] = useState<Partial<Record<ArticleState, number>>>({})
  // Each column is one page from the desk, filtered there: a decade of published stories is
  // never sent whole. The board shows the first cards of each column and how many there are.
  const reload = useCallback(async () => {
    const filter = {
      ...(section ? { section } : {}),
      ...(priority ? { priority } : {}),
      ...(text.trim() ? { headline: text.trim() } : {}),
    }
    const columns = await Promise.all(
      boardOrder.map((state) =>
        desk.articles.page({
          offset: 0,
          limit: columnSize,
          sort,
          filter: { ...filter, state },
        }),
      ),
    )
    const failed = columns.find((result) => !result.ok)
    if (failed && !failed.ok) return onError(describeError(words, failed.error))
    const now = new Date()
    setCards(columns.flatMap((result) => (result.ok ? queueCards(result.value.rows, now) : [])))
    setTotals(
      Object.fromEntries(
        boardOrder.map((state, n) => {
          const result = columns[n]
          return [state, result?.ok ? result.value.total : 0]
        }),
      ),
    )
  }, [desk, onError, section, priority, text, sort, words])

  useEffect(() => {
    // The host's scheduler publishes in the background: the board follows it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload()
    const timer = setInterval(() => void reload(), 10_000)
    return () => clearInterval(timer)
  }, [reload])

  const move = async (
    ids: string[],
    to: ArticleState,
    extra: { note?: string; at?: string; override?: string } = {},
  ) => {
    for (const id of ids) {
      const result = await desk.queue.move({ id, to, ...extra })
      if (result.ok) onMoved(id)
      else if (findingsToOverride(result.error) !== null && !extra.override)
        setPending({ ids: [id], to, override: findingsToOverride(result.error) ?? 0 })
      else onError(describeError(words, result.error))
    }
    setSelected(new Set())
    await reload()
  }

  const request = (ids: string[], to: ArticleState, from: ArticleState) => {
    if (to === 'scheduled' || (from === 'in_review' && to === 'draft')) setPending({ ids, to })
    else void move(ids, to)
  }

  const visible = useMemo(() => {
    // Filtered by the desk (headlines as in the library: diacritics and letter forms ignored).
    if (sort === 'priority') return cards
    const direction = sort === 'oldest' ? 1 : -1
    return [...cards].sort((a, b) => direction * a.updatedAt.localeCompare(b.updatedAt))
  }, [cards, sort])

  const selectedCards = cards.filter((card) => selected.has(card.id))

  return (
    <section className="queue" aria-label={words.queue}>
      <header className="screen-header">
        <h2>{words.queue}</h2>
        <button type="button" onClick={props.onClose}>
          {words.backToDesk}
        </button>
      </header>
      <div className="queue-filters" role="group" aria-label={words.queue}>
        <select
          aria-label={words.filterSection}
          value={section}
          onChange={(e) => setSection(e.target.value)}
        >
          <option value="">{words.allSections}</option>
          {settings.sections.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select
          aria-label={words.filterPriority}
          value={priority}
          onChange={(e) => setPriority(Number(e.target.value))}
        >
          <option value={0}>{words.anyPriority}</option>
          {[1, 2, 3, 4, 5, 6].map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
        <input
          aria-label={words.filterHeadline}
          placeholder={words.filterHeadline}
          dir="auto"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          aria-label={words.sortBy}
          value={sort}
          onChange={(e) => setSort(e.target.value as typeof sort)}
        >
          <option value="priority">{words.sortPriority}</option>
          <option value="oldest">{words.sortAge}</option>
          <option value="newest">{words.sortNewest}</option>
        </select>
        {selectedCards.length > 0 && (
          <span className="bulk">
            {number(selectedCards.length)} {words.selected}:
            <button
              type="button"
              onClick={() =>
                void desk.export
                  .articles({
                    ids: [...selected],
                    formats: settings.exportFormats.filter((f) => f !== 'pdf'),
                  })
                  .then((r) =>
                    r.ok ? setSelected(new Set()) : onError(describeError(words, r.error)),
                  )
              }
            >
              {words.bulkExport}
            </button>
            <button
              type="button"
              disabled={!selectedCards.every((c) => c.state === 'ready')}
              onClick={() => setPending({ ids: [...selected], to: 'scheduled' })}
            >
              {words.bulkSchedule}
            </button>
            <button
              type="button"
              disabled={!selectedCards.every((c) => transitions[c.state].includes('draft'))}
              onClick={() => setPending({ ids: [...selected], to: 'draft' })}
            >
              {words.bulkReturn}
            </button>
          </span>
        )}
      </div>
      <div className="board">
        {boardOrder.map((state) => {
          const column = visible.filter((card) => card.state === state)
          return (
            <section
              key={state}
              className="column"
              aria-label={`${stateLabel(words, state)} (${number(totals[state] ?? column.length)})`}
              data-state={state}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault()
                const id = event.dataTransfer.getData('application/x-midad-article')
                const card = cards.find((c) => c.id === id)
                if (card && card.state !== state) request([id], state, card.state)
              }}
            >
              <h3>
                {stateLabel(words, state)}{' '}
                <span className="count">
                  {(totals[state] ?? 0) > column.length
                    ? `${number(column.length)} / ${number(totals[state] ?? 0)}`
                    : number(column.length)}
                </span>
              </h3>
              {column.length === 0 && <p className="empty">{words.queueEmpty}</p>}
              {column.map((card) => (
                <QueueCardView
                  key={card.id}
                  card={card}
                  selected={selected.has(card.id)}
                  when={when}
                  onSelected={(checked) => {
                    const next = new Set(selected)
                    if (checked) next.add(card.id)
                    else next.delete(card.id)
                    setSelected(next)
                  }}
                  onOpen={() => props.onOpen(card.id)}
                  onRetry={() => void move([card.id], 'exported')}
                  onMove={(to) => request([card.id], to, card.state)}
                />
              ))}
            </section>
          )
        })}
      </div>
      {pending && (
        <MoveDialog
          to={pending.to}
          count={pending.ids.length}
          timeZone={settings.timeZone}
          override={pending.override}
          onMove={(extra) => {
            const { ids, to } = pending
            setPending(null)
            void move(ids, to, extra)
          }}
          onClose={() => setPending(null)}
        />
      )}
    </section>
  )
}
