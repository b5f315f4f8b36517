import { useEffect, useRef, useState } from 'react'
import type { Article, ArticleFields } from '../../shared/article.js'
import { type BeforeCloseDetail, beforeCloseEvent } from '../../shared/before-close.js'
import type { DeskApi } from '../../shared/contract.js'
import { Autosaver, type SaveStatus } from './autosave.js'
import { newEditingSession } from './editing-session.js'

/** Unsaved changes restored from a recovery copy, and the editing session they belong to. */
export interface RecoveredChanges {
  changes: Partial<ArticleFields>
  session: string
}

/**
 * The autosaver of the open article, owned here (not by the component that shows the article):
 * one per opened article, with its recovery copies every few seconds while text is unsaved, its
 * answer to the desktop app's closing (shared/before-close.ts), and a last copy and save when
 * the article is left. Null while no article is open; `opening` tells one opening from another.
 */
export function useArticleSaver(options: {
  desk: DeskApi
  article: Article | null
  /** Bumped when the same article is opened again (after a move), for a fresh saver. */
  epoch: number
  recovered: RecoveredChanges | undefined
  onSaved: (article: Article) => void
  onStatus: (status: SaveStatus) => void
  onError: (message: string) => void
}): { saver: Autosaver; opening: string } | null {
  const { desk, article, epoch, recovered } = options
  // Which opening the saver belongs to: a render between two openings never hands out the old one.
  const opening = article ? `${article.id}:${epoch}:${recovered ? recovered.session : ''}` : null
  const [held, setHeld] = useState<{ opening: string; saver: Autosaver } | null>(null)
  const current = held && held.opening === opening ? held : null
  const saver = current?.saver ?? null
  // The callbacks of the latest render, read when the saver calls them.
  const callbacks = useRef(options)
  useEffect(() => {
    callbacks.current = options
  })

  useEffect(() => {
    if (!article || !opening) return
    // A saver replaced by another opening says nothing more: the status bar is the new one's.
    let current = true
    const opened = new Autosaver({
      article,
      // A restored copy's session goes on: its first landed save supersedes that copy.
      session: recovered?.session ?? newEditingSession(),
      save: desk.articles.save,
      onSaved: (saved) => callbacks.current.onSaved(saved),
      onStatus: (status) => {
        if (current) callbacks.current.onStatus(status)
      },
    })
    callbacks.current.onStatus({ kind: 'saved', at: article.updatedAt })
    if (recovered) opened.change(recovered.changes)
    // A recovery copy that cannot be kept is said, not swallowed: the text is then only here.
    const keepCopy = async (unsaved: NonNullable<ReturnType<Autosaver['unsaved']>>) => {
      const kept = await desk.recovery.put({ id: article.id, ...unsaved })
      if (!kept.ok) callbacks.current.onError(kept.error.message)
    }
    let lastCopy = ''
    const copier = setInterval(() => {
      const unsaved = opened.unsaved()
      if (!unsaved) return
      const copy = JSON.stringify(unsaved)
      if (copy === lastCopy) return
      lastCopy = copy
      void keepCopy(unsaved)
    }, 3000)
    const beforeClose = (event: Event) => {
      const { waitUntil } = (event as CustomEvent<BeforeCloseDetail>).detail
      const unsaved = opened.unsaved()
      const copied = unsaved ? desk.recovery.put({ id: article.id, ...unsaved }) : null
      waitUntil(Promise.resolve(copied).then(() => opened.flush()))
    }
    window.addEventListener(beforeCloseEvent, beforeClose)
    // Handing the new saver out is what this effect is for.

    setHeld({ opening, saver: opened })
    return () => {
      current = false
      clearInterval(copier)
      window.removeEventListener(beforeCloseEvent, beforeClose)
      opened.dispose()
      // Leaving with text not yet saved: a recovery copy first, in case the last save fails.
      const unsaved = opened.unsaved()
      if (unsaved) void keepCopy(unsaved)
      void opened.flush()
    }
    // One saver per opened article (and per reopening); later renders of it keep it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opening, desk, callbacks])

  // Closing the tab with unsaved text asks first.
  useEffect(() => {
    const guard = (event: BeforeUnloadEvent) => {
      if (saver?.dirty) event.preventDefault()
    }
    window.addEventListener('beforeunload', guard)
    return () => window.removeEventListener('beforeunload', guard)
  }, [saver])

  return current
}
