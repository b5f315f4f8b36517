import type { ArticleState } from '../../shared/article.js'
import type { TextStats } from '../../shared/text-stats.js'
import { fill, stateLabel } from '../i18n/i18n.js'
import type { SaveStatus } from './autosave.js'
import { useWords } from './words.js'
import { describeError } from './describe-error.js'
import { TeamIndicator } from './TeamIndicator.js'

/** What the status bar counts in the open article: its text, and its proofing findings. */
export type DeskStats = TextStats & { findings?: number }

/** The bottom line: whether the text is safe, how long it is, and its state. */
export function StatusBar(props: {
  status: SaveStatus | null
  stats: DeskStats | null
  state: ArticleState | null
  /** The team's changes landed: the desk reloads its lists. */
  onTeamArrivals: () => void
}) {
  const { words, when, number } = useWords()
  const { status } = props
  let saved = ''
  if (status?.kind === 'saved') saved = `${words.statusSaved} ${when(status.at)}`
  if (status?.kind === 'unsaved') saved = words.statusUnsaved
  if (status?.kind === 'saving') saved = words.statusSaving
  if (status?.kind === 'failed') {
    saved = `${words.statusFailed}: ${status.error.code === 'conflict' ? words.conflict : describeError(words, status.error)}`
    if (status.retrying) saved += ` (${words.statusRetrying})`
  }
  return (
    <footer className="status-bar">
      <output
        className={`save-status ${status?.kind ?? ''}`}
        data-status={status?.kind ?? 'none'}
        aria-live="polite"
      >
        {saved}
      </output>
      {props.stats && (
        <>
          <span data-testid="word-count">
            {number(props.stats.words)} {words.words}
          </span>
          <span>
            {number(props.stats.characters)} {words.charactersCount}
          </span>
          <span>
            {number(props.stats.minutes)} {words.readingTime}
          </span>
          {props.stats.findings !== undefined && props.stats.findings > 0 && (
            <span data-testid="proofing-count">
              {fill(words.styleCount, { count: number(props.stats.findings) })}
            </span>
          )}
        </>
      )}
      {props.state && <span>{stateLabel(words, props.state)}</span>}
      <TeamIndicator onArrivals={props.onTeamArrivals} />
    </footer>
  )
}
