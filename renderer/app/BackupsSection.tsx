import { useCallback, useEffect, useState } from 'react'
import type { BackupEntry } from '../../shared/revisions.js'
import { fill } from '../i18n/i18n.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'

/**
 * The library's backups in Settings: each with its time and size, newest first, and a backup
 * made now. Restoring one replaces the whole library, so it runs with the desk closed
 * (`midad restore-backup NAME --yes`), which this says beside each backup.
 */
export function BackupsSection() {
  const { words, when, number } = useWords()
  const { desk } = useDesk()
  const [backups, setBackups] = useState<BackupEntry[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = useCallback(async () => {
    const result = await desk.backups.list()
    if (result.ok) setBackups(result.value)
    else setProblem(describeError(words, result.error))
  }, [desk, words])
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list is the desk's answer
    void load()
  }, [load])
  const backUp = async () => {
    setBusy(true)
    const result = await desk.backups.create()
    setBusy(false)
    if (!result.ok) return setProblem(describeError(words, result.error))
    setProblem(null)
    await load()
  }
  const megabytes = (bytes: number) =>
    fill(words.sizeMb, { n: number(Math.max(0.1, Math.round(bytes / 104_857.6) / 10)) })
  return (
    <section aria-label={words.backupsTitle}>
      <p>{words.backupsHint}</p>
      <button type="button" disabled={busy} onClick={() => void backUp()}>
        {busy ? words.backupMaking : words.backupNow}
      </button>
      {problem && (
        <p className="failed" role="alert">
          {problem}
        </p>
      )}
      {backups?.length === 0 && <p className="empty">{words.backupsNone}</p>}
      {backups && backups.length > 0 && (
        <ul className="backups" aria-label={words.backupsTitle}>
          {backups.map((backup) => (
            <li key={backup.name}>
              {when(backup.at)} · {megabytes(backup.bytes)}
              <br />
              <span className="item-meta">
                {words.backupRestoreHow}{' '}
                <code dir="ltr">midad restore-backup {backup.name} --yes</code>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
