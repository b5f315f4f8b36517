import { useCallback, useEffect, useState } from 'react'
import type { TrashedArticle } from '../../shared/revisions.js'
import { fill } from '../i18n/i18n.js'
import { BidiText } from './BidiText.js'
import { Dialog } from './Dialog.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'

/**
 * The trash: trashed articles, newest first, each brought back or removed for good (asked
 * first); what stays longer than the settings' days goes by itself.
 */
export function TrashDialog(props: {
  purgeDays: number
  /** How many articles this sitting has trashed: the list is read again when one more lands. */
  trashedHere: number
  onRestored: (id: string) => void
  onClose: () => void
}) {
  const { words, when, number } = useWords()
  const { desk } = useDesk()
  const [trashed, setTrashed] = useState<TrashedArticle[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const load = useCallback(async () => {
    const result = await desk.trash.list()
    if (result.ok) setTrashed(result.value)
    else setProblem(describeError(words, result.error))
  }, [desk, words])
  const { trashedHere } = props
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the list is the desk's answer
    void load()
  }, [load, trashedHere])
  const restore = async (id: string) => {
    const result = await desk.trash.restore(id)
    if (!result.ok) return setProblem(describeError(words, result.error))
    props.onRestored(id)
    await load()
  }
  const purge = async (ids: string[]) => {
    if (!window.confirm(fill(words.purgeConfirm, { n: number(ids.length) }))) return
    const result = await desk.trash.purge({ ids })
    if (!result.ok) setProblem(describeError(words, result.error))
    await load()
  }
  return (
    <Dialog title={words.trashTitle} onClose={props.onClose}>
      <p>{fill(words.trashHint, { days: number(props.purgeDays) })}</p>
      {problem && (
        <p className="failed" role="alert">
          {problem}
        </p>
      )}
      {trashed?.length === 0 && <p className="empty">{words.trashEmpty}</p>}
      {trashed && trashed.length > 0 && (
        <>
          <ul className="trash-list" aria-label={words.trashTitle}>
            {trashed.map((item) => (
              <li key={item.id}>
                <span dir="auto" className="item-headline">
                  <BidiText text={item.headline || words.untitled} />
                </span>
                <span className="item-meta">
                  {words.trashedAt} {when(item.trashedAt)}
                </span>
                <span className="dialog-row">
                  <button type="button" onClick={() => void restore(item.id)}>
                    {words.untrash}
                  </button>
                  <button type="button" className="danger" onClick={() => void purge([item.id])}>
                    {words.purge}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="danger"
            onClick={() => void purge(trashed.map((item) => item.id))}
          >
            {words.purgeAll}
          </button>
        </>
      )}
    </Dialog>
  )
}
