import { useCallback, useEffect, useState } from 'react'
import type { BackupEntry } from '../../shared/revisions.js'
import { fill } from '../i18n/i18n.js'
import { describeError } from './describe-error.js'
import { Dialog } from './Dialog.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'

/**
 * The library's backups in Settings: each with its time, size and articles, newest first; a
 * backup made now; and a restore, asked first (it replaces the whole library, which is backed
 * up before), after which the desk is read again from the start.
 */
export function BackupsSection() {
  const { words, when, number } = useWords()
  const { desk, reopen } = useDesk()
  const [backups, setBackups] = useState<BackupEntry[] | null>(null)
  const [asking, setAsking] = useState<{ backup: BackupEntry; now: number } | null>(null)
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
  const ask = async (backup: BackupEntry) => {
    const page = await desk.articles.page({ offset: 0, limit: 1 })
    if (!page.ok) return setProblem(describeError(words, page.error))
    setAsking({ backup, now: page.value.total })
  }
  const restore = async (backup: BackupEntry) => {
    setBusy(true)
    const result = await desk.backups.restore(backup.name)
    setBusy(false)
    if (!result.ok) {
      setAsking(null)
      return setProblem(describeError(words, result.error))
    }
    reopen()
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
              {when(backup.at)} · {megabytes(backup.bytes)} ·{' '}
              {fill(words.backupArticles, { n: number(backup.articles) })}{' '}
              <button
                type="button"
                disabled={busy}
                aria-label={fill(words.backupRestoreOne, { when: when(backup.at) })}
                onClick={() => void ask(backup)}
              >
                {words.backupRestore}
              </button>
              <br />
              <span className="item-meta">
                {words.backupRestoreHow}{' '}
                <code dir="ltr">midad restore-backup {backup.name} --yes</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <Dialog title={words.backupRestoreTitle} onClose={() => setAsking(null)}>
          <p>
            {fill(words.backupRestoreWarning, {
              when: when(asking.backup.at),
              backup: number(asking.backup.articles),
              now: number(asking.now),
            })}
          </p>
          <div className="dialog-row">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void restore(asking.backup)}
            >
              {busy ? words.backupRestoring : words.backupRestoreConfirm}
            </button>
            <button type="button" onClick={() => setAsking(null)}>
              {words.cancel}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  )
}
