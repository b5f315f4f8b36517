import { useCallback, useEffect, useRef, useState } from 'react'
import type { ArticleSummary } from '../../shared/article.js'
import type { DeskApi, MethodArgs } from '../../shared/contract.js'

/** The library view's order and filters, as `articles.page` takes them. */
export type LibraryQuery = Pick<MethodArgs<'articles.page'>[0], 'sort' | 'filter'>

/** A row of the library view. */
export type LibraryRow = ArticleSummary & { tags: string[] }

const pageSize = 200

/**
 * The library view's rows, fetched a page at a time as they come into view (the desk holds the
 * library; the window holds only what it shows). A newer query or reload wins over an older one.
 */
export function useLibraryPages(desk: DeskApi, query: LibraryQuery, onError: (m: string) => void) {
  const [state, setState] = useState<{ total: number | null; rows: Map<number, LibraryRow> }>({
    total: null,
    rows: new Map(),
  })
  const generation = useRef(0)
  const asked = useRef(new Set<number>())

  const fetchPage = useCallback(
    async (page: number, run: number) => {
      const result = await desk.articles.page({
        offset: page * pageSize,
        limit: pageSize,
        ...query,
      })
      if (run !== generation.current) return
      if (!result.ok) return onError(result.error.message)
      setState((current) => {
        const rows = page === 0 ? new Map<number, LibraryRow>() : new Map(current.rows)
        result.value.rows.forEach((row, n) => rows.set(page * pageSize + n, row))
        return { total: result.value.total, rows }
      })
    },
    [desk, query, onError],
  )

  const reload = useCallback(async () => {
    const run = ++generation.current
    asked.current = new Set([0])
    await fetchPage(0, run)
  }, [fetchPage])

  useEffect(() => {
    void reload()
  }, [reload])

  /** Asks for the page holding a row, once, when the list shows it. */
  const ensure = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize)
      if (asked.current.has(page)) return
      asked.current.add(page)
      void fetchPage(page, generation.current)
    },
    [fetchPage],
  )

  /** Every id loaded so far, in order (what "export the listed" exports). */
  const loaded = [...state.rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row)
  return {
    total: state.total,
    rowAt: (index: number) => state.rows.get(index),
    ensure,
    reload,
    loaded,
  }
}

/** What the library view works with. */
export type LibraryPages = ReturnType<typeof useLibraryPages>
