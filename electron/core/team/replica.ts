import { createRequire } from 'node:module'
import type { TeamDoc } from './team-docs.js'

// The PouchDB databases a team desk talks to, seen through the few calls it makes, typed once
// here: the replica in the data dir (LevelDB, N-API prebuilds) and the team's database over
// HTTP. Nothing else in the core touches PouchDB.

/** A stored document with its revision; `_local/` ones never replicate. */
export type StoredDoc = Record<string, unknown> & { _id: string; _rev: string }

export interface ReplicationResult {
  docs_written: number
  docs_read: number
  ok: boolean
}

/** What a live replication reports; it stops when cancelled. */
export interface LiveReplication {
  on(
    event: 'change' | 'paused' | 'active' | 'denied' | 'error' | 'complete',
    listener: (info: unknown) => void,
  ): LiveReplication
  cancel(): void
}

export interface ReplicaDb {
  get(id: string, options?: Record<string, unknown>): Promise<StoredDoc>
  getLeaves(id: string): Promise<StoredDoc[]>
  put(doc: object): Promise<{ rev: string }>
  /** Writes documents with the revisions they carry, as replication does. */
  writeRevisions(docs: readonly object[]): Promise<void>
  /** Creates documents that may exist already (append-only ones): those are left as they are. */
  createAll(docs: readonly TeamDoc[]): Promise<number>
  allDocs(options: { startkey: string; endkey: string }): Promise<StoredDoc[]>
  changes(since: string | number): Promise<{ ids: string[]; last: string | number }>
  pushTo(remote: ReplicaDb): Promise<ReplicationResult>
  pullFrom(remote: ReplicaDb): Promise<ReplicationResult>
  liveSync(remote: ReplicaDb): LiveReplication
  /** Calls `listener` with each document id that changes from now on; returns how to stop. */
  watch(listener: (id: string) => void): () => void
  info(): Promise<{ doc_count: number; update_seq: string | number }>
  close(): Promise<void>
  readonly raw: unknown
}

type Pouch = {
  get(id: string, options?: Record<string, unknown>): Promise<unknown>
  put(doc: unknown): Promise<{ rev: string }>
  bulkDocs(docs: unknown[], options?: Record<string, unknown>): Promise<unknown[]>
  allDocs(options: Record<string, unknown>): Promise<{ rows: { doc?: StoredDoc }[] }>
  changes(options: Record<string, unknown> & { live?: false }): Promise<{
    results: { id: string }[]
    last_seq: string | number
  }>
  replicate: {
    to(target: unknown, options?: Record<string, unknown>): Promise<ReplicationResult>
    from(source: unknown, options?: Record<string, unknown>): Promise<ReplicationResult>
  }
  sync(target: unknown, options?: Record<string, unknown>): LiveReplication
  changes(options: { live: true; since: 'now' }): {
    on(event: 'change', listener: (change: { id: string }) => void): unknown
    on(event: 'error', listener: (error: unknown) => void): unknown
    cancel(): void
  }
  info(): Promise<{ doc_count: number; update_seq: string | number }>
  close(): Promise<void>
}
type PouchConstructor = new (name: string, options?: Record<string, unknown>) => Pouch

let constructor: PouchConstructor | null = null
/** PouchDB is loaded when a team desk first needs it: a single desk never pays for it. */
function pouch(): PouchConstructor {
  constructor ??= createRequire(import.meta.url)('pouchdb-node') as PouchConstructor
  return constructor
}

/** The replica kept in `folder` (LevelDB). */
export function openReplica(folder: string): ReplicaDb {
  return wrap(new (pouch())(folder, { auto_compaction: false }))
}

/** The team's database at `url`, created when it is missing. */
export function openRemote(
  url: string,
  auth: { username: string; password: string } | null,
): ReplicaDb {
  return wrap(new (pouch())(url, auth ? { auth } : {}))
}

function wrap(db: Pouch): ReplicaDb {
  const self: ReplicaDb = {
    raw: db,
    get: (id, options) => db.get(id, options ?? {}) as Promise<StoredDoc>,
    async getLeaves(id) {
      const found = (await db
        .get(id, { open_revs: 'all', revs: true })
        .catch((error: { status?: number }) => {
          if (error.status === 404) return []
          throw error
        })) as { ok?: StoredDoc }[]
      return found.flatMap((entry) => (entry.ok ? [entry.ok] : []))
    },
    put: (doc) => db.put(doc),
    async writeRevisions(docs) {
      if (docs.length === 0) return
      const results = (await db.bulkDocs([...docs], { new_edits: false })) as {
        error?: string
        reason?: string
      }[]
      const failed = results.find((result) => result.error)
      if (failed)
        throw new Error(`the replica refused a document: ${failed.reason ?? failed.error}`)
    },
    async createAll(docs) {
      if (docs.length === 0) return 0
      // A local PouchDB says a conflict as {error: true, name: 'conflict', status: 409}, a
      // server as {error: 'conflict'}: either way the document was there already.
      const results = (await db.bulkDocs([...docs])) as {
        error?: string | boolean
        name?: string
        status?: number
        reason?: string
        message?: string
      }[]
      const there = (result: (typeof results)[number]) =>
        result.error === 'conflict' || result.name === 'conflict' || result.status === 409
      const failed = results.find((result) => result.error && !there(result))
      if (failed)
        throw new Error(
          `the replica refused a document: ${failed.reason ?? failed.message ?? String(failed.error)}`,
        )
      return results.filter((result) => !result.error).length
    },
    async allDocs({ startkey, endkey }) {
      const found = await db.allDocs({ startkey, endkey, include_docs: true, conflicts: true })
      return found.rows.flatMap((row) => (row.doc ? [row.doc] : []))
    },
    async changes(since) {
      const found = await db.changes({ since, style: 'all_docs' })
      return { ids: found.results.map((row) => row.id), last: found.last_seq }
    },
    pushTo: (remote) => db.replicate.to(remote.raw),
    pullFrom: (remote) => db.replicate.from(remote.raw, { filter: notMedia }),
    liveSync: (remote) =>
      db.sync(remote.raw, {
        live: true,
        retry: true,
        back_off_function: backOff,
        pull: { filter: notMedia },
      }),
    watch(listener) {
      const feed = db.changes({ live: true, since: 'now' })
      feed.on('change', (change) => listener(change.id))
      // A closed replica ends its feed with an error: nothing to report.
      feed.on('error', () => undefined)
      return () => feed.cancel()
    },
    info: () => db.info(),
    close: () => db.close(),
  }
  return self
}

/** Retries back off, doubling from a second, to at most 30 s (issue #18). */
/**
 * What a desk pulls: everything but the images (`media:<sha256>`), which are fetched when first
 * shown (team-media.ts), so a decade of another desk's pictures is not copied to every laptop.
 * The desk pushes its own, so the team has every one.
 */
export function notMedia(doc: { _id: string }): boolean {
  return !doc._id.startsWith('media:')
}

export function backOff(previous: number): number {
  return previous === 0 ? 1000 : Math.min(previous * 2, 30_000)
}
