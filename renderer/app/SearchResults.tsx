import type { ReactNode } from 'react'
import { type SearchHit, findTerms, searchTerms } from '../../shared/search-text.js'
import { LibraryItem } from './LibraryItem.js'
import { useWords } from './words.js'
import './library.css'
import { BidiText } from './BidiText.js'

/** The snippet with each place that matches a term of the query marked. */
function marked(snippet: string, query: string): ReactNode[] {
  const parts: ReactNode[] = []
  let at = 0
  for (const match of findTerms(snippet, searchTerms(query))) {
    parts.push(<BidiText key={`t${at}`} text={snippet.slice(at, match.start)} />)
    parts.push(
      <mark key={match.start}>
        <BidiText text={snippet.slice(match.start, match.end)} />
      </mark>,
    )
    at = match.end
  }
  parts.push(<BidiText key={`t${at}`} text={snippet.slice(at)} />)
  return parts
}

/**
 * What a search of the library found, in the library's place: headline and the text around the
 * match, newest first. Choosing one opens it; closing brings the library back.
 */
export function SearchResults(props: {
  query: string
  /** Null while the desk is still searching. */
  hits: SearchHit[] | null
  selectedId: string | null
  onSelect: (id: string) => void
  onClose: () => void
}) {
  const { words, number } = useWords()
  const { hits } = props
  return (
    <nav className="library search-results" aria-label={words.searchResults}>
      <div className="search-results-head">
        <h2>{words.searchResults}</h2>
        <button type="button" onClick={props.onClose}>
          {words.closeSearch}
        </button>
      </div>
      <p className="search-query" dir="auto">
        «{props.query}»
      </p>
      <p role="status" className="item-meta">
        {hits === null
          ? words.searching
          : hits.length === 0
            ? words.noResults
            : `${words.resultsCount}: ${number(hits.length)}`}
      </p>
      {hits && hits.length > 0 && (
        <ul className="search-hits">
          {hits.map((hit) => (
            <li key={hit.id}>
              <LibraryItem
                selected={hit.id === props.selectedId}
                headline={marked(hit.headline || words.untitled, props.query)}
                onOpen={() => props.onSelect(hit.id)}
              >
                <span className="item-snippet" dir="auto">
                  {marked(hit.snippet, props.query)}
                </span>
              </LibraryItem>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
