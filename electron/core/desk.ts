import { mkdir, readdir, rename, unlink } from 'node:fs/promises'
import { type Article, type ArticleSummary, newestFirst, summarize } from '../../shared/article.js'
import type { MethodName, MethodValue, ValidArgs } from '../../shared/contract.js'
import { type Settings, defaultSettings } from '../../shared/settings.js'
import { applyChanges, newArticle, type Stamp } from './articles.js'
import { DeskFailure } from './failure.js'
import { newArticleId } from './id.js'
import type { AtomicFs } from './storage/atomic-write.js'
import { libraryLayout } from './storage/layout.js'
import {
  type LibraryIndex,
  lowFile,
  readArticle,
  readIndex,
  readSettings,
} from './storage/library-files.js'
import { acquireWriteLock, type LockEnvironment, type WriteLock } from './storage/lock.js'

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
}

/** An open, writable library: the desk itself. */
export interface Desk {
  dataDir: string
  handlers: DeskHandlers
  close(): Promise<void>
}

/** Opens a data dir for writing: takes its lock, creates what is missing, loads the index. */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const layout = libraryLayout(options.dataDir)
  const clock = options.clock ?? (() => new Date())
  const warn = options.warn ?? (() => undefined)
  const kept = options.revisionsKept ?? 50
  await mkdir(layout.articles, { recursive: true })
  await mkdir(layout.trash, { recursive: true })
  const lock: WriteLock = await acquireWriteLock(
    options.dataDir,
    options.purpose,
    options.lockEnvironment,
  )
  try {
    const settingsDb = lowFile<Settings>(layout.settings, defaultSettings, options.fs)
    settingsDb.data = await readSettings(layout)
    await settingsDb.write()
    const indexDb = lowFile<LibraryIndex>(layout.index, { version: 1, articles: [] }, options.fs)
    const { index, rebuilt } = await readIndex(layout, warn)
    indexDb.data = index
    if (rebuilt) await indexDb.write()
    return assembleDesk()

    function assembleDesk(): Desk {
      // Changes run one at a time, so two saves never interleave their read-modify-write.
      let queue: Promise<unknown> = Promise.resolve()
      const serially = <T>(work: () => Promise<T>): Promise<T> => {
        const run = queue.then(work, work)
        queue = run.catch(() => undefined)
        return run
      }
      const stamp = (): Stamp => ({
        at: clock(),
        by: settingsDb.data.editorName || options.systemUser || 'editor',
      })
      const writeArticle = async (article: Article): Promise<void> => {
        const db = lowFile<Article>(layout.article(article.id), article, options.fs)
        await db.write()
        await snapshot(article)
      }
      const snapshot = async (article: Article): Promise<void> => {
        await mkdir(layout.revisions(article.id), { recursive: true })
        await lowFile(layout.revision(article.id, article.revision), article, options.fs).write()
        const names = (await readdir(layout.revisions(article.id))).sort()
        for (const old of names.slice(0, Math.max(0, names.length - kept))) {
          await unlink(`${layout.revisions(article.id)}/${old}`).catch(() => undefined)
        }
      }
      const putSummary = async (summary: ArticleSummary | null, id: string): Promise<void> => {
        const rest = indexDb.data.articles.filter((entry) => entry.id !== id)
        indexDb.data.articles = summary ? [summary, ...rest].sort(newestFirst) : rest
        await indexDb.write()
      }

      const handlers: DeskHandlers = {
        'articles.list': async () => indexDb.data.articles.map((entry) => ({ ...entry })),
        'articles.get': (id) => readArticle(layout, id),
        'articles.create': (fields) =>
          serially(async () => {
            const at = stamp()
            let id = newArticleId()
            while (indexDb.data.articles.some((entry) => entry.id === id)) id = newArticleId()
            const section = settingsDb.data.sections[0] ?? ''
            const article = newArticle(id, { section, ...fields }, at)
            await writeArticle(article)
            await putSummary(summarize(article), id)
            return article
          }),
        'articles.save': ({ id, baseRevision, changes }) =>
          serially(async () => {
            const current = await readArticle(layout, id)
            if (current.revision !== baseRevision) {
              throw new DeskFailure(
                'conflict',
                `article ${id} is at revision ${current.revision}, but this save was based on ` +
                  `revision ${baseRevision}; it was not saved, so nothing was overwritten`,
              )
            }
            const article = applyChanges(current, changes, stamp())
            await writeArticle(article)
            await putSummary(summarize(article), id)
            return article
          }),
        'articles.trash': (id) =>
          serially(async () => {
            await readArticle(layout, id)
            await rename(layout.article(id), layout.trashed(id))
            await putSummary(null, id)
            return { id }
          }),
        'settings.get': async () => ({ ...settingsDb.data }),
        'settings.update': (patch) =>
          serially(async () => {
            const next = { ...settingsDb.data }
            for (const [key, value] of Object.entries(patch)) {
              if (value !== undefined) Object.assign(next, { [key]: value })
            }
            settingsDb.data = next
            await settingsDb.write()
            return { ...next }
          }),
      }
      return { dataDir: options.dataDir, handlers, close: () => queue.then(lock.release) }
    }
  } catch (error) {
    await lock.release()
    throw error
  }
}
