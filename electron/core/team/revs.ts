import { createHash } from 'node:crypto'
import type { RevisionPath } from './team-docs.js'

// Revisions every desk computes alike: a merge made by two desks from the same leaves is the
// same revision, so replicating both makes no new conflict. Documents are written with
// `new_edits: false` and these ids, as replication itself writes them.

/** How many ancestors a document carries (CouchDB's default revs_limit). */
const keptAncestors = 1000

/** JSON with object keys sorted: the same value gives the same text on every desk. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  )
}

export function digest(text: string): string {
  return createHash('md5').update(text).digest('hex')
}

/** The generation of a revision id (`3-abc` → 3). */
export function generationOf(rev: string): number {
  return Number.parseInt(rev, 10)
}

/** The revision ids a path names, newest first. */
export function revsOf(path: RevisionPath): string[] {
  return path.ids.map((id, i) => `${path.start - i}-${id}`)
}

/** The next revision after `parent` (none: a first revision), for content given as text. */
export function childRevision(
  parent: { rev: string; path: RevisionPath } | null,
  content: string,
): { rev: string; path: RevisionPath } {
  const hash = digest(`${parent?.rev ?? ''}\n${content}`)
  const start = parent ? parent.path.start + 1 : 1
  const ids = [hash, ...(parent?.path.ids ?? [])].slice(0, keptAncestors)
  return { rev: `${start}-${hash}`, path: { start, ids } }
}

/**
 * CouchDB's winner among leaves: a live one before a deleted one, then the highest
 * generation, then the greater id. Every desk orders leaves this way.
 */
export function byWinner<T extends { _rev?: string; _deleted?: boolean }>(a: T, b: T): number {
  if (!!a._deleted !== !!b._deleted) return a._deleted ? 1 : -1
  const gen = generationOf(b._rev ?? '0') - generationOf(a._rev ?? '0')
  if (gen !== 0) return gen
  const ar = a._rev ?? ''
  const br = b._rev ?? ''
  return ar < br ? 1 : ar > br ? -1 : 0
}
