import { useCallback, useEffect, useState } from 'react'
import type { TeamStatus } from '../../shared/team.js'
import { fill } from '../i18n/i18n.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'

/**
 * Settings' team part: the team database's URL, a user and a password to join with (the
 * password is kept by the host, never in the library's plain files), or, once joined, where
 * and as which desk, and leaving. A leave that could not share the last changes says so and
 * offers to leave anyway.
 */
export function TeamSection() {
  const { words } = useWords()
  const { desk } = useDesk()
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const [url, setUrl] = useState('')
  const [user, setUser] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<{ text: string; leaving: boolean } | null>(null)
  const [synced, setSynced] = useState<string | null>(null)
  const load = useCallback(async () => {
    const result = await desk.team.status()
    if (result.ok) setStatus(result.value)
  }, [desk])
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the desk's answer
    void load()
  }, [load])
  const join = async () => {
    setBusy(true)
    const result = await desk.team.join({
      url: url.trim(),
      ...(user.trim() ? { user: user.trim(), password } : {}),
    })
    setBusy(false)
    if (!result.ok) return setProblem({ text: describeError(words, result.error), leaving: false })
    setProblem(null)
    setPassword('')
    setStatus(result.value)
  }
  const syncNow = async () => {
    setBusy(true)
    const result = await desk.team.sync()
    setBusy(false)
    if (!result.ok) return setProblem({ text: describeError(words, result.error), leaving: false })
    setProblem(null)
    setSynced(fill(words.teamSynced, { ...result.value }))
  }
  const leave = async (anyway: boolean) => {
    setBusy(true)
    const result = await desk.team.leave({ anyway })
    setBusy(false)
    if (!result.ok) return setProblem({ text: describeError(words, result.error), leaving: true })
    setProblem(null)
    await load()
  }
  return (
    <section aria-label={words.teamSettings} className="team-section">
      <h3>{words.teamSettings}</h3>
      <p>{words.teamHint}</p>
      {status?.joined ? (
        <>
          <p dir="auto">
            {fill(words.teamJoined, { url: status.url ?? '', desk: status.desk ?? '' })}
          </p>
          <button type="button" disabled={busy} onClick={() => void syncNow()}>
            {words.teamSyncNow}
          </button>
          <button type="button" disabled={busy} onClick={() => void leave(false)}>
            {words.teamLeave}
          </button>
          {synced && <p role="status">{synced}</p>}
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void join()
          }}
        >
          <label>
            {words.teamUrl}
            <input
              type="url"
              dir="ltr"
              required
              value={url}
              placeholder="https://couch.example/newsroom"
              onChange={(event) => setUrl(event.target.value)}
            />
          </label>
          <label>
            {words.teamUser}
            <input
              dir="auto"
              autoComplete="username"
              value={user}
              onChange={(event) => setUser(event.target.value)}
            />
          </label>
          {user.trim() && (
            <label>
              {words.teamPassword}
              <input
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </label>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? words.teamJoining : words.teamJoin}
          </button>
        </form>
      )}
      {problem && (
        <div role="alert" className="failed">
          <p dir="auto">{problem.text}</p>
          {problem.leaving && status?.joined && (
            <button type="button" disabled={busy} onClick={() => void leave(true)}>
              {words.teamLeaveAnyway}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
