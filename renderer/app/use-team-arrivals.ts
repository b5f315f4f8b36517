import { useCallback } from 'react'
import type { DeskApi } from '../../shared/contract.js'
import type { useOpenArticle } from './use-open-article.js'

/**
 * What the desk does when its team's changes land: the library's lists are read again, and
 * the open article too when it changed and the editor has nothing unsaved in it (with
 * unsaved text, the next save meets the newer revision and the conflict dialog opens).
 */
export function useTeamArrivals(
  desk: DeskApi,
  article: ReturnType<typeof useOpenArticle>,
  reloadLibrary: () => Promise<void> | void,
): () => void {
  const { open, saver, reloadAfterMove } = article
  return useCallback(() => {
    void reloadLibrary()
    if (!open || saver?.dirty) return
    void desk.articles.get(open.id).then((result) => {
      if (result.ok && result.value.revision > open.revision && !saver?.dirty)
        void reloadAfterMove(open.id)
    })
  }, [desk, open, saver, reloadAfterMove, reloadLibrary])
}
