import { useEffect, useRef, useState } from 'react'
import type { TeamStatus } from '../../shared/team.js'
import { fill } from '../i18n/i18n.js'
import { useDesk } from './desk-context.js'
import { TeamConflictsDialog } from './TeamConflictsDialog.js'
import { useWords } from './words.js'

/** How often the desk asks how its team stands: changes from others show within half a second. */
const pollMs = 500

/**
 * The team in the status bar: online, syncing, offline since …, or failing (why), and the
 * open conflicts as a button to settle them. Nothing shows for a single desk. When the team's
 * changes land in the library, `onArrivals` reloads what the desk shows.
 */
export function TeamIndicator(props: { onArrivals: () => void }) {
  const { desk } = useDesk()
  const { words, when, number } = useWords()
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const [dialog, setDialog] = useState(false)
  const seen = useRef<number | null>(null)
  const onArrivals = props.onArrivals
  useEffect(() => {
    let live = true
    const ask = async () => {
      const result = await desk.team.status()
      if (!live || !result.ok) return
      setStatus(result.value)
      if (seen.current !== null && result.value.arrivals !== seen.current) onArrivals()
      seen.current = result.value.arrivals
    }
    void ask()
    const timer = setInterval(() => void ask(), pollMs)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [desk, onArrivals])
  if (!status?.joined) return null
  const connection = status.connection
  const said =
    connection?.state === 'offline'
      ? fill(words.teamOffline, { since: when(connection.since) })
      : connection?.state === 'failing'
        ? fill(words.teamFailing, { why: connection.why })
        : connection?.state === 'syncing'
          ? words.teamSyncing
          : words.teamOnline
  return (
    <>
      <span
        className={`team-status ${connection?.state ?? ''}`}
        data-team={connection?.state ?? 'unknown'}
        role="status"
        title={status.lastSync ? `${words.teamLastSync}: ${when(status.lastSync.at)}` : undefined}
      >
        {said}
      </span>
      {status.conflicts > 0 && (
        <button type="button" className="team-conflicts" onClick={() => setDialog(true)}>
          {fill(words.teamConflictsCount, { count: number(status.conflicts) })}
        </button>
      )}
      {dialog && (
        <TeamConflictsDialog
          onClose={() => setDialog(false)}
          onResolved={() => {
            onArrivals()
          }}
        />
      )}
    </>
  )
}
