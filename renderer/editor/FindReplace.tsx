import { useMemo, useState } from 'react'
import { findAll } from '../../shared/search-text.js'
import { useWords } from '../app/words.js'
import { Check } from '../app/Check.js'

/** Find and replace in the open article, optionally ignoring diacritics and alef forms. */
export function FindReplace(props: {
  text: () => string
  revision: number
  onSelect: (start: number, end: number) => void
  onReplace: (matches: { start: number; end: number }[], replacement: string) => void
  onClose: () => void
  withReplace: boolean
}) {
  const { words, number } = useWords()
  const [query, setQuery] = useState('')
  const [replacement, setReplacement] = useState('')
  const [ignoreMarks, setIgnoreMarks] = useState(true)
  const [current, setCurrent] = useState(-1)
  const { text, revision } = props
  // Searched again when the query, the option or the text (its revision counter) changes.
  const matches = useMemo(
    () => findAll(text(), query, { ignoreMarks }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query, ignoreMarks, revision],
  )
  const next = () => {
    if (!matches.length) return
    const index = (current + 1) % matches.length
    setCurrent(index)
    const match = matches[index]!
    props.onSelect(match.start, match.end)
  }
  return (
    <section className="find-replace" aria-label={words.findReplace}>
      <label className="field">
        <span>{words.find}</span>
        <input
          dir="auto"
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setCurrent(-1)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              next()
            }
            if (event.key === 'Escape') props.onClose()
          }}
        />
      </label>
      <label className="field">
        <span>{words.replaceWith}</span>
        <input
          dir="auto"
          value={replacement}
          onChange={(event) => setReplacement(event.target.value)}
        />
      </label>
      <Check checked={ignoreMarks} onChange={setIgnoreMarks}>
        {words.ignoreMarks}
      </Check>
      <output aria-live="polite" data-testid="match-count">
        {words.matches}: {number(matches.length)}
      </output>
      <div className="dialog-row">
        <button type="button" onClick={next} disabled={!matches.length}>
          {words.findNext}
        </button>
        <button
          type="button"
          disabled={current < 0 || !matches[current]}
          onClick={() => {
            const match = matches[current]
            if (match) props.onReplace([match], replacement)
            setCurrent(current - 1)
          }}
        >
          {words.replaceOne}
        </button>
        <button
          type="button"
          disabled={!matches.length}
          onClick={() => props.onReplace(matches, replacement)}
        >
          {words.replaceAll}
        </button>
        <button type="button" onClick={props.onClose}>
          {words.close}
        </button>
      </div>
    </section>
  )
}
