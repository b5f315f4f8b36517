import { useCallback, useState } from 'react'
import type { Article } from '../../shared/article.js'
import type { DeskApi } from '../../shared/contract.js'
import type { RecoveryCopy } from '../../shared/transfer.js'
import type { SaveStatus } from './autosave.js'
import { type RecoveredChanges, useArticleSaver } from './use-article-saver.js'
import type { ValueOf } from './use-desk-errors.js'

/**
 * The open article and everything that opens, leaves or reloads it: its saver (saved before
 * another article opens; nothing opens while that save fails), the words it was found by, a
 * recovery copy it was restored from, and its save status.
 */
export function useOpenArticle(options: {
  desk: DeskApi
  valueOf: ValueOf
  report: (message: string) => void
  /** Said when a save before leaving failed (the article stays open with its text). */
  saveFailed: string
  /** After each save, create and trash: the library's rows change. */
  onLibraryChanged: () => void
}) {
  const { desk, valueOf, report, saveFailed, onLibraryChanged } = options
  const [open, setOpen] = useState<Article | null>(null)
  const [recovered, setRecovered] = useState<RecoveredChanges | undefined>(undefined)
  const [highlight, setHighlight] = useState<string[] | undefined>(undefined)
  const [status, setStatus] = useState<SaveStatus | null>(null)
  // Bumped when the open article changes outside the editor (a move), so the editor reloads it.
  const [epoch, setEpoch] = useState(0)

  const held = useArticleSaver({
    desk,
    article: open,
    epoch,
    recovered,
    onSaved: (article) => {
      setOpen((current) => (current?.id === article.id ? article : current))
      onLibraryChanged()
    },
    onStatus: setStatus,
    onError: report,
  })
  const saver = held?.saver ?? null

  /** Saves the open article before leaving it; false keeps it open with its text. */
  const leave = useCallback(async (): Promise<boolean> => {
    if (!saver || (await saver.flush())) return true
    report(saveFailed)
    return false
  }, [saver, report, saveFailed])

  const show = (article: Article, restored?: RecoveredChanges, terms?: string[]) => {
    setRecovered(restored)
    setHighlight(terms)
    setOpen(article)
  }

  const select = useCallback(
    async (id: string, terms?: string[]) => {
      if (id === open?.id || !(await leave())) return
      const article = valueOf(await desk.articles.get(id))
      if (article) show(article, undefined, terms)
    },
    [desk, open, leave, valueOf],
  )

  const create = useCallback(async () => {
    if (!(await leave())) return
    const article = valueOf(await desk.articles.create({}))
    if (!article) return
    onLibraryChanged()
    show(article)
  }, [desk, leave, valueOf, onLibraryChanged])

  /** Opens a recovery copy's article with the copy's changes on it; true when it did. */
  const restore = useCallback(
    async (copy: RecoveryCopy): Promise<boolean> => {
      if (!(await leave())) return false
      const article = valueOf(await desk.articles.get(copy.id))
      if (!article) return false
      show(article, { changes: copy.changes, session: copy.session })
      return true
    },
    [desk, leave, valueOf],
  )

  /** The open article to the trash, saved first: a trashed article keeps every word. */
  const trash = useCallback(async (): Promise<string | null> => {
    if (!open || !(await leave())) return null
    if (!valueOf(await desk.articles.trash(open.id))) return null
    setOpen(null)
    setStatus(null)
    onLibraryChanged()
    return open.id
  }, [desk, open, leave, valueOf, onLibraryChanged])

  /**
   * After a conflict is resolved (ConflictDialog): the article to show now, read afresh, without
   * saving the conflicted text again (it was saved on top, kept as a new article, or left as a
   * recovery copy).
   */
  const showResolved = useCallback(
    async (id: string) => {
      onLibraryChanged()
      const article = valueOf(await desk.articles.get(id))
      if (!article) return
      show(article)
      setStatus(null)
      setEpoch((n) => n + 1)
    },
    [desk, valueOf, onLibraryChanged],
  )

  /** After a move: the library changed, and the open article is read again if it moved. */
  const reloadAfterMove = useCallback(
    async (id: string) => {
      onLibraryChanged()
      if (open?.id !== id) return
      const article = valueOf(await desk.articles.get(id))
      if (!article) return
      show(article)
      setEpoch((n) => n + 1)
    },
    [desk, open, valueOf, onLibraryChanged],
  )

  return {
    open,
    saver,
    /** Which opening of the article the saver is for (a key for the editor). */
    opening: held?.opening ?? null,
    recovered,
    highlight,
    status,
    select,
    create,
    restore,
    trash,
    reloadAfterMove,
    showResolved,
  }
}
