import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import { articleStates } from '../../shared/article.js'
import { stateLabel } from '../i18n/i18n.js'
import type { LibraryPages, LibraryQuery } from './library-pages.js'
import { LibraryItem } from './LibraryItem.js'
import { useWords } from './words.js'
import './library.css'
import { BidiText } from './BidiText.js'
import { DateField } from './DateTimeFields.js'

type Sort = NonNullable<LibraryQuery['sort']>
type Filter = NonNullable<LibraryQuery['filter']>
const sorts: Sort[] = ['newest', 'oldest', 'headline', 'published', 'priority']

/**
 * The library: filtered by headline (diacritics and alef forms ignored), section, state, tag,
 * byline and days, in the chosen order. The desk sends it a page at a time and only the rows in
 * view are rendered, so a decade's archive scrolls as lightly as a day's.
 */
export function LibrarySidebar(props: {
  pages: LibraryPages
  query: LibraryQuery
  onQuery: (query: LibraryQuery) => void
  sections: string[]
  selectedId: string | null
  timeZone: string
  onSelect: (id: string) => void
  onOpenTrash: () => void
}) {
  const { words, when, number } = useWords()
  const { pages, query } = props
  const filter = query.filter ?? {}
  const [headline, setHeadline] = useState(filter.headline ?? '')
  const [open, setOpen] = useState(false)
  const scroller = useRef<HTMLDivElement>(null)
  const total = pages.total ?? 0
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const rows = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 8,
  })
  const setFilter = (patch: Partial<Filter>) => {
    const next = { ...filter, ...patch }
    for (const key of Object.keys(next) as (keyof Filter)[]) if (!next[key]) delete next[key]
    props.onQuery({ ...query, filter: next })
  }
  // Typing in the headline box asks the desk once the editor pauses.
  useEffect(() => {
    if (headline === (filter.headline ?? '')) return
    const timer = setTimeout(() => setFilter({ headline: headline.trim() }), 200)
    return () => clearTimeout(timer)
  })
  const filtered = Object.keys(filter).length > 0
  return (
    <nav className="library" aria-label={words.library}>
      <h2>
        {words.library}
        {pages.total !== null && <span className="library-count"> ({number(total)})</span>}
      </h2>
      <input
        className="library-filter"
        type="search"
        dir="auto"
        aria-label={words.filterHeadline}
        placeholder={words.filterHeadline}
        value={headline}
        onChange={(event) => setHeadline(event.target.value)}
      />
      <button
        type="button"
        className="library-filters-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {words.libraryFilters}
      </button>
      <button type="button" className="library-trash" onClick={props.onOpenTrash}>
        {words.openTrash}
      </button>
      {open && (
        <div className="library-filters">
          <label>
            {words.sortBy}
            <select
              value={query.sort ?? 'newest'}
              onChange={(event) => props.onQuery({ ...query, sort: event.target.value as Sort })}
            >
              {sorts.map((sort) => (
                <option key={sort} value={sort}>
                  {words[`sort_${sort}`]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {words.section}
            <select
              value={filter.section ?? ''}
              onChange={(e) => setFilter({ section: e.target.value })}
            >
              <option value="">{words.anyValue}</option>
              {props.sections.map((section) => (
                <option key={section} value={section}>
                  {section}
                </option>
              ))}
            </select>
          </label>
          <label>
            {words.stateFilter}
            <select
              value={filter.state ?? ''}
              onChange={(e) =>
                setFilter({ state: (e.target.value || undefined) as Filter['state'] })
              }
            >
              <option value="">{words.anyValue}</option>
              {articleStates.map((state) => (
                <option key={state} value={state}>
                  {stateLabel(words, state)}
                </option>
              ))}
            </select>
          </label>
          <TextFilter
            label={words.tagFilter}
            value={filter.tag}
            onChange={(tag) => setFilter({ tag })}
          />
          <TextFilter
            label={words.byline}
            value={filter.byline}
            onChange={(byline) => setFilter({ byline })}
          />
          <span className="filter-date">
            {words.fromDay}
            <DateField
              label={words.fromDay}
              value={filter.from ?? ''}
              onChange={(from) => setFilter({ from })}
            />
          </span>
          <span className="filter-date">
            {words.toDay}
            <DateField
              label={words.toDay}
              value={filter.to ?? ''}
              onChange={(to) => setFilter({ to })}
            />
          </span>
          {filtered && (
            <button
              type="button"
              onClick={() => {
                setHeadline('')
                props.onQuery({ sort: query.sort })
              }}
            >
              {words.clearFilters}
            </button>
          )}
        </div>
      )}
      {pages.total === 0 ? (
        <p className="empty">{filtered ? words.queueEmpty : words.emptyLibrary}</p>
      ) : (
        <div ref={scroller} className="library-scroll">
          <ul style={{ height: rows.getTotalSize() }}>
            {rows.getVirtualItems().map((row) => {
              const article = pages.rowAt(row.index)
              if (!article) pages.ensure(row.index)
              return (
                <li
                  key={article?.id ?? `row-${row.index}`}
                  style={{ transform: `translateY(${row.start}px)` }}
                  data-index={row.index}
                  ref={rows.measureElement}
                >
                  {article ? (
                    <LibraryItem
                      selected={article.id === props.selectedId}
                      headline={<BidiText text={article.headline || words.untitled} />}
                      onOpen={() => props.onSelect(article.id)}
                    >
                      <span className="item-meta">
                        {[article.section, stateLabel(words, article.state)]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                      <span className="item-meta">{when(article.updatedAt)}</span>
                    </LibraryItem>
                  ) : (
                    <span className="item-loading" aria-hidden="true">
                      …
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </nav>
  )
}

/** A text filter that asks the desk when the editor leaves the field or presses Enter. */
function TextFilter(props: { label: string; value?: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(props.value ?? '')
  const commit = () => {
    if (text.trim() !== (props.value ?? '')) props.onChange(text.trim())
  }
  return (
    <label>
      {props.label}
      <input
        type="text"
        dir="auto"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
        }}
      />
    </label>
  )
}
