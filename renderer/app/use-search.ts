import { useCallback, useRef, useState } from 'react'
import type { DeskApi } from '../../shared/contract.js'
import type { SearchHit } from '../../shared/search-text.js'
import type { ValueOf } from './use-desk-errors.js'

/**
 * The search shown in the library's place: its words and hits (null while it runs). A newer
 * search wins over an older one, and closing drops a search still under way.
 */
export function useSearch(desk: DeskApi, valueOf: ValueOf) {
  const [search, setSearch] = useState<{ query: string; hits: SearchHit[] | null } | null>(null)
  const run = useRef(0)
  const start = useCallback(
    async (query: string) => {
      const mine = ++run.current
      setSearch({ query, hits: null })
      const hits = valueOf(await desk.articles.search({ query }))
      if (mine !== run.current) return
      setSearch(hits ? { query, hits } : null)
    },
    [desk, valueOf],
  )
  const close = useCallback(() => {
    run.current++
    setSearch(null)
  }, [])
  return { search, start, close }
}
