import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import type { ArticleSummary } from '../../shared/article.js'
import { foldedForSearch } from '../../shared/search-text.js'
import { formatWhen, stateLabel } from '../i18n/i18n.js'
import { LibraryItem } from './LibraryItem.js'
import { useWords } from './words.js'

/**
 * The library, newest first, filtered by headline (diacritics and alef forms ignored). Only
 * the rows in view are rendered, so ten thousand articles scroll as lightly as ten.
 */
export function LibrarySidebar(props: {
  articles: ArticleSummary[]
  selectedId: string | null
  timeZone: string
  onSelect: (id: string) => void
}) {
  const { words, language } = useWords()
  const [filter, setFilter] = useState('')
  const scroller = useRef<HTMLDivElement>(null)
  const shown = useMemo(() => {
    const query = foldedForSearch(filter.trim())
    if (!query) return props.articles
    return props.articles.filter((article) => foldedForSearch(article.headline).includes(query))
  }, [props.articles, filter])
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const rows = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 8,
  })
  return (
    <nav className="library" aria-label={words.library}>
      <h2>{words.library}</h2>
      <input
        className="library-filter"
        type="search"
        dir="auto"
        aria-label={words.filterHeadline}
        placeholder={words.filterHeadline}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {shown.length === 0 ? (
        <p className="empty">{props.articles.length ? words.queueEmpty : words.emptyLibrary}</p>
      ) : (
        <div ref={scroller} className="library-scroll">
          <ul style={{ height: rows.getTotalSize() }}>
            {rows.getVirtualItems().map((row) => {
              const article = shown[row.index]!
              return (
                <li
                  key={article.id}
                  style={{ transform: `translateY(${row.start}px)` }}
                  data-index={row.index}
                  ref={rows.measureElement}
                >
                  <LibraryItem
                    selected={article.id === props.selectedId}
                    headline={article.headline || words.untitled}
                    onOpen={() => props.onSelect(article.id)}
                  >
                    <span className="item-meta">
                      {[article.section, stateLabel(words, article.state)]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    <span className="item-meta">
                      {formatWhen(article.updatedAt, language, props.timeZone)}
                    </span>
                  </LibraryItem>
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </nav>
  )
}
