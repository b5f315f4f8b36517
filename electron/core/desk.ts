import { mkdir } from 'node:fs/promises'
import type { MethodName, MethodValue, ValidArgs } from '../../shared/contract.js'
import { type Settings, defaultSettings } from '../../shared/settings.js'
import { checkArticle } from '../../shared/content-profile.js'
import { applyChanges, assignSlug, newArticle, type Stamp } from './articles.js'
import type { PdfPrinter } from './export/render-export.js'
import { DeskFailure } from './failure.js'
import { newArticleId } from './id.js'
import type { AtomicFs } from './storage/atomic-write.js'
import { libraryLayout } from './storage/layout.js'
import { type LibraryIndex, lowFile, readIndex, readSettings } from './storage/library-files.js'
import { LibraryStore } from './storage/library-store.js'
import { acquireWriteLock, type LockEnvironment } from './storage/lock.js'
import { dropLandedCopy, dropRecoveryCopy, recoveryHandlers } from './recovery.js'
import { transferHandlers } from './transfer-handlers.js'
import { notesHandlers } from './notes-handlers.js'
import { workflowHandlers } from './workflow-handlers.js'
import { createSearch } from './search.js'

/** What the core implements: each contract method, given validated arguments. */
export type DeskHandlers = {
  [M in MethodName]: (...args: ValidArgs<M>) => Promise<MethodValue<M>>
}

/** What a desk is opened with; everything from the outside world is passed in. */
export interface DeskOptions {
  dataDir: string
  /** Names the writer in the lock file: "browser host", "desktop app", "midad import". */
  purpose: string
  clock?: () => Date
  /** The system user's name: who acts when Settings names no editor. */
  systemUser?: string
  /** How many snapshots each article keeps in `revisions/`. */
  revisionsKept?: number
  warn?: (message: string) => void
  fs?: AtomicFs
  lockEnvironment?: LockEnvironment
  /** PDF printing, from a host that has a browser engine (the Electron host). */
  printPdf?: PdfPrinter
}

/** What the desk's parts share: the store, the clock, and serial execution of changes. */
export interface DeskContext {
  store: LibraryStore
  clock: () => Date
  stamp: () => Stamp
  /** Runs changes one at a time, so two never interleave their read-modify-write. */
  serially: <T>(work: () => Promise<T>) => Promise<T>
  settings: () => Settings
  newId: () => string
  printPdf?: PdfPrinter
}

/** An open, writable library: the desk itself. */
export interface Desk {
  dataDir: string
  handlers: DeskHandlers
  context: DeskContext
  close(): Promise<void>
}

/** Opens a data dir for writing: takes its lock, creates what is missing, loads the index. */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const layout = libraryLayout(options.dataDir)
  await mkdir(layout.articles, { recursive: true })
  await mkdir(layout.trash, { recursive: true })
  const lock = await acquireWriteLock(options.dataDir, options.purpose, options.lockEnvironment)
  try {
    const settingsDb = lowFile<Settings>(layout.settings, defaultSettings, options.fs)
    settingsDb.data = await readSettings(layout)
    await settingsDb.write()
    const indexDb = lowFile<LibraryIndex>(layout.index, { version: 1, articles: [] }, options.fs)
    const { index, rebuilt } = await readIndex(layout, options.warn)
    indexDb.data = index
    if (rebuilt) await indexDb.write()
    const store = new LibraryStore(
      layout,
      indexDb,
      settingsDb,
      options.revisionsKept ?? 50,
      options.fs,
    )
    const context = deskContext(store, options)
    const handlers: DeskHandlers = {
      ...articleHandlers(context),
      ...settingsHandlers(context),
      ...transferHandlers(context),
      ...recoveryHandlers(context),
      ...workflowHandlers(context),
      ...notesHandlers(context),
    }
    return {
      dataDir: options.dataDir,
      handlers,
      context,
      close: () => context.serially(async () => undefined).then(lock.release),
    }
  } catch (error) {
    await lock.release()
    throw error
  }
}

function deskContext(store: LibraryStore, options: DeskOptions): DeskContext {
  const clock = options.clock ?? (() => new Date())
  let queue: Promise<unknown> = Promise.resolve()
  return {
    store,
    clock,
    printPdf: options.printPdf,
    settings: () => store.settingsDb.data,
    stamp: () => ({
      at: clock(),
      by: store.settingsDb.data.editorName || options.systemUser || 'editor',
    }),
    serially: <T>(work: () => Promise<T>): Promise<T> => {
      const run = queue.then(work, work)
      queue = run.catch(() => undefined)
      return run
    },
    newId: () => {
      let id = newArticleId()
      while (store.has(id)) id = newArticleId()
      return id
    },
  }
}

/** The handlers of one namespace of the contract. */
export type Handlers<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}.${string}` ? M : never]: DeskHandlers[M]
}

function articleHandlers({ store, stamp, serially, settings, newId }: DeskContext) {
  const search = createSearch({ list: () => store.summaries, get: (id) => store.read(id) })
  const handlers: Handlers<'articles'> = {
    'articles.list': async () => store.summaries.map((entry) => ({ ...entry })),
    'articles.get': (id) => store.read(id),
    'articles.create': (fields = {}) =>
      serially(async () => {
        const id = newId()
        const section = settings().sections[0] ?? ''
        const article = newArticle(id, { section, ...fields }, stamp())
        article.slug = assignSlug(article, null, fields.slug !== undefined, store.takenSlugs(id))
        await store.write(article)
        return article
      }),
    'articles.save': ({ id, baseRevision, changes }) =>
      serially(async () => {
        const current = await store.read(id)
        if (current.revision !== baseRevision) {
          throw new DeskFailure(
            'conflict',
            `article ${id} is at revision ${current.revision}, but this save was based on ` +
              `revision ${baseRevision}; it was not saved, so nothing was overwritten`,
          )
        }
        const article = applyChanges(current, changes, stamp())
        article.slug = assignSlug(
          article,
          current,
          changes.slug !== undefined,
          store.takenSlugs(id),
        )
        await store.write(article)
        await dropLandedCopy(store.layout, article)
        return article
      }),
    'articles.check': async (id) => {
      const article = await store.read(id)
      const findings = checkArticle(article, settings().contentProfile, settings().sections)
      return { ready: findings.length === 0, findings }
    },
    'articles.search': ({ query, limit }) => search(query, limit),
    'articles.trash': (id) =>
      serially(async () => {
        await store.trash(id)
        await dropRecoveryCopy(store.layout, id)
        return { id }
      }),
  }
  return handlers
}

function settingsHandlers({ store, serially }: DeskContext) {
  const handlers: Handlers<'settings'> = {
    'settings.get': async () => ({ ...store.settingsDb.data }),
    'settings.update': (patch) =>
      serially(async () => {
        const next = { ...store.settingsDb.data }
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) Object.assign(next, { [key]: value })
        }
        const previous = store.settingsDb.data
        store.settingsDb.data = next
        try {
          await store.settingsDb.write()
        } catch (error) {
          // Settings that did not reach the disk are not in force either.
          store.settingsDb.data = previous
          throw error
        }
        return { ...next }
      }),
  }
  return handlers
}
