import { useWords } from './words.js'

/** The top bar: what an editor does most, and the language switch. */
export function Toolbar(props: {
  onNewArticle: () => void
  onImport: () => void
  onExport: () => void
  onSettings: () => void
  onQueue: () => void
  onSwitchLanguage: () => void
}) {
  const { words } = useWords()
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
