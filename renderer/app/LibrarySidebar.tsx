import type { ArticleSummary } from '../../shared/article.js'
import { formatWhen, stateLabel } from '../i18n/i18n.js'
import { useWords } from './words.js'

/** The library, newest first: pick an article to open it. */
export function LibrarySidebar(props: {
  articles: ArticleSummary[]
  selectedId: string | null
  timeZone: string
  onSelect: (id: string) => void
}) {
  const { words, language } = useWords()
  return (
    <nav className="library" aria-label={words.library}>
      <h2>{words.library}</h2>
      {props.articles.length === 0 ? (
        <p className="empty">{words.emptyLibrary}</p>
      ) : (
        <ul>
          {props.articles.map((article) => (
            <li key={article.id}>
              <button
                type="button"
                className="library-item"
                aria-current={article.id === props.selectedId ? 'true' : undefined}
                onClick={() => props.onSelect(article.id)}
              >
                <span className="item-headline" dir="auto">
                  {article.headline || words.untitled}
                </span>
                <span className="item-meta">
                  {[article.section, stateLabel(words, article.state)].filter(Boolean).join(' · ')}
                </span>
                <span className="item-meta">
                  {formatWhen(article.updatedAt, language, props.timeZone)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}
