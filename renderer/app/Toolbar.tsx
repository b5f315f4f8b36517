import { useEffect, useRef, useState } from 'react'
import { isLibrarySearch, isMac } from '../editor/shortcuts.js'
import { useWords } from './words.js'

/** The top bar: what an editor does most, and the language switch. */
export function Toolbar(props: {
  onNewArticle: () => void
  onImport: () => void
  onExport: () => void
  onSettings: () => void
  onQueue: () => void
  onSwitchLanguage: () => void
  /** Searches headlines and text of the whole library. */
  onSearch: (query: string) => void
}) {
  const { words } = useWords()
  const [query, setQuery] = useState('')
  const searchBox = useRef<HTMLInputElement>(null)
  // Ctrl+Shift+F from anywhere in the desk, the editor included, goes to the search box.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isLibrarySearch(event, isMac())) return
      event.preventDefault()
      searchBox.current?.focus()
      searchBox.current?.select()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
  // Results follow the typing: the library is searched once the editor pauses, the last word
  // also as the beginning of a longer one.
  const { onSearch } = props
  const typed = useRef('')
  useEffect(() => {
    if (!query.trim() || query === typed.current) return
    const timer = setTimeout(() => {
      // Enter may have searched these words meanwhile.
      if (query === typed.current) return
      typed.current = query
      onSearch(query.trimStart())
    }, 250)
    return () => clearTimeout(timer)
  }, [query, onSearch])
  return (
    <header className="toolbar" role="toolbar" aria-label={words.appName}>
      <span className="brand">{words.appName}</span>
      <button type="button" className="primary" onClick={props.onNewArticle}>
        {words.newArticle}
      </button>
      <button type="button" onClick={props.onImport}>
        {words.import}
      </button>
      <button type="button" onClick={props.onExport}>
        {words.export}
      </button>
      <button type="button" onClick={props.onQueue}>
        {words.queue}
      </button>
      <form
        role="search"
        className="search-box"
        onSubmit={(event) => {
          event.preventDefault()
          typed.current = query
          if (query.trim()) props.onSearch(query.trimStart())
        }}
      >
        <input
          ref={searchBox}
          type="search"
          dir="auto"
          aria-keyshortcuts="Control+Shift+F"
          aria-label={words.searchLabel}
          placeholder={words.searchLabel}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit">{words.search}</button>
      </form>
      <span className="spacer" />
      <button type="button" onClick={props.onSettings}>
        {words.settings}
      </button>
      <button
        type="button"
        onClick={props.onSwitchLanguage}
        aria-label={words.switchLanguageLabel}
        lang={words.switchLanguage === 'English' ? 'en' : 'ar'}
      >
        {words.switchLanguage}
      </button>
    </header>
  )
}
