import type { PdfPrinter } from './export/render-export.js'
import { DeskFailure, errnoCode } from './failure.js'
import { newArticleId } from './id.js'
import { libraryLayout } from './storage/layout.js'
import { type LibraryStorage, noticeLines, openLibrary } from './storage/library-store.js'
import { acquireWriteLock, type LockEnvironment, type WriteLock } from './storage/lock.js'
import { nodeFs, type StorageFs, unwritableCodes } from './storage/storage-fs.js'
import { articleHandlers } from './article-handlers.js'
import type { DeskContext, DeskHandlers } from './desk-context.js'
import { recoveryHandlers } from './recovery.js'
import { settingsHandlers } from './settings-handlers.js'
import { transferHandlers } from './transfer-handlers.js'
import { historyHandlers, purgeExpired } from './history-handlers.js'
import { Backups } from './storage/backups.js'
import { notesHandlers } from './notes-handlers.js'
import { workflowHandlers } from './workflow-handlers.js'
import { lazySpeller, spellingHandlers } from './spelling-handlers.js'
import { loadSpeller } from './spelling/speller.js'
import type { DictionaryFiles } from './spelling/dictionary.js'
import { teamHandlers } from './team/team-handlers.js'
import type { PasswordKeeping } from './team/team-password.js'
import { fetchTeamImage } from './team/team-media.js'
import { readMedia } from './media.js'
import { openTeamDesk } from './team/team-desk.js'
import { type TeamLive, startTeamLive } from './team/team-live.js'
import { type LibrarySearch, openLibrarySearch, readSearchSnapshot } from './library-search.js'

/** What a desk is opened with; everything from the outside world is passed in. */
export interface DeskOptions {
  dataDir: string
  /** Names the writer in the lock file: "browser host", "desktop app", "midad import". */
  purpose: string
  clock?: () => Date
  /** The system user's name: who acts when Settings names no editor. */
  systemUser?: string
  warn?: (message: string) => void
  fs?: StorageFs
  lockEnvironment?: LockEnvironment
  /** A host's desk: a backup of the library when it closes, if anything changed. */
  backupOnClose?: boolean
  /** PDF printing, from a host that has a browser engine (the Electron host). */
  printPdf?: PdfPrinter
  /** How far a rebuild of the search index has got (long only when it was missing). */
  progress?: (done: number, total: number) => void
  /** A folder dialog, from a host that has one (the Electron host). */
  chooseFolder?: () => Promise<string | null>
  /** A host's desk: a joined library replicates live with its team (the CLI's does not). */
  liveTeam?: boolean
  /** The team password's keeping: the desktop app's keychain, the CLI's MIDAD_TEAM_PASSWORD. */
  passwordKeeping?: PasswordKeeping
  /** The spelling dictionary's files (`bundledDictionary` of the app's root); none: no spelling. */
  spellingDictionary?: DictionaryFiles
}

/** An open, writable library: the desk itself. */
export interface Desk {
  dataDir: string
  handlers: DeskHandlers
  context: DeskContext
  close(): Promise<void>
}

/**
 * Opens a data dir for writing: takes its lock, repairs what the last run or anything else left
 * (temp files, damaged files into quarantine, the index against the article files) and only then
 * resolves. On a disk that cannot be written (full, read-only) it still opens, read-only, and
 * every write first tries again to take the lock.
 */
export async function openDesk(options: DeskOptions): Promise<Desk> {
  const fs = options.fs ?? nodeFs
  const layout = libraryLayout(options.dataDir)
  let lock: WriteLock | null = null
  const takeLock = async () => {
    await fs.mkdir(layout.articles, { recursive: true })
    lock = await acquireWriteLock(options.dataDir, options.purpose, options.lockEnvironment, fs)
  }
  let readOnlyReason: string | null = null
  try {
    await takeLock()
  } catch (error) {
    const code = errnoCode(error)
    if (error instanceof DeskFailure || !code || !unwritableCodes.has(code)) throw error
    readOnlyReason =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'the disk is full'
        : `the library folder cannot be written (${code})`
  }
  const release = async () => {
    await (lock as WriteLock | null)?.release()
  }
  /** The library and its search opened from the files: at open, and after a restore. */
  const openParts = async () => {
    // The search index's files are read while the library reconciles (its stamps are checked
    // synchronously): a second at 100,000 articles. A failure surfaces when the search opens.
    const snapshot = readSearchSnapshot(fs, layout.searchIndex)
    snapshot.catch(() => undefined)
    const store = await openLibrary({
      dataDir: options.dataDir,
      mode: 'write',
      readOnlyReason,
      regainWrite: async () => {
        try {
          await takeLock()
          return true
        } catch {
          return false
        }
      },
      fs,
      clock: options.clock,
      warn: options.warn,
    })
    // What the open repaired is said once, in the host's log or on the CLI's stderr.
    for (const line of noticeLines(store.notices(), true)) options.warn?.(line)
    const search = await openLibrarySearch({
      fs,
      store,
      persist: true,
      snapshot,
      clock: options.clock ?? (() => new Date()),
      progress: options.progress,
      warn: options.warn,
    }).catch(async (error: unknown) => {
      await store.close()
      throw error
    })
    store.onChange((change) => {
      changed = true
      search.changed(change)
      liveTeam()?.changed(change)
    })
    return { store, search }
  }
  /**
   * After a restore the library must open again whatever went wrong on the way: a passing
   * fault (a write refused once) is tried again, so a restore that landed is answered as landed.
   */
  const openAgain = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await openParts()
      } catch (error) {
        if (attempt === 3) throw error
        options.warn?.(`the library did not open again (${(error as Error).message}): retrying`)
      }
    }
  }
  let changed = false
  let liveTeam: () => TeamLive | null = () => null
  try {
    const { store, search } = await openParts()
    // One context for the desk's life (the scheduler holds it); a restore swaps its library.
    const context = deskContext(store, search, options, fs, async (work) => {
      await context.search.close()
      await context.store.close()
      try {
        return await work()
      } finally {
        Object.assign(context, await openAgain())
        context.backups = new Backups(layout, context.clock, fs)
        current = handlersOf(context)
        changed = true
      }
    })
    let current = handlersOf(context)
    if (options.liveTeam) {
      liveTeam = () => context.team
      context.startTeam = async () => {
        const team = await openTeamDesk(context)
        if (team) context.team = startTeamLive(context, team, (line) => options.warn?.(line))
      }
      await context.startTeam()
    }
    // The hosts hold these for the desk's life: each asks the handlers of the library open now.
    const handlers = Object.fromEntries(
      Object.keys(current).map((method) => [
        method,
        (...args: unknown[]) =>
          (current[method as keyof DeskHandlers] as (...a: unknown[]) => unknown)(...args),
      ]),
    ) as DeskHandlers
    // Trashed articles past the settings' days go at every writing open (and hourly while a
    // host runs: scheduler.ts); a purge that fails is said, and tried again next time.
    await purgeExpired(context).catch((error: unknown) =>
      options.warn?.(`the trash could not be emptied of old articles: ${(error as Error).message}`),
    )
    return {
      dataDir: options.dataDir,
      handlers,
      context,
      close: () =>
        context
          .serially(async () => {
            if (!options.backupOnClose || !changed) return
            await context.backups
              .make(context.store.settings().backupsKept)
              .catch((error: unknown) =>
                options.warn?.(`the backup on quit could not be made: ${(error as Error).message}`),
              )
          })
          .then(() => context.team?.stop())
          .then(() => context.search.close())
          .then(() => context.store.close())
          .finally(release),
    }
  } catch (error) {
    await release()
    throw error
  }
}

function handlersOf(context: DeskContext): DeskHandlers {
  return {
    ...articleHandlers(context),
    ...settingsHandlers(context),
    ...transferHandlers(context),
    ...recoveryHandlers(context),
    ...workflowHandlers(context),
    ...notesHandlers(context),
    ...historyHandlers(context),
    ...spellingHandlers(context),
    ...teamHandlers(context),
  }
}

function deskContext(
  store: LibraryStorage,
  search: LibrarySearch,
  options: DeskOptions,
  fs: StorageFs,
  replaceLibrary: DeskContext['replaceLibrary'],
): DeskContext {
  const clock = options.clock ?? (() => new Date())
  let queue: Promise<unknown> = Promise.resolve()
  const context: DeskContext = {
    store,
    search,
    replaceLibrary,
    clock,
    fs,
    printPdf: options.printPdf,
    chooseFolder: options.chooseFolder,
    chosenFolders: new Set(),
    team: null,
    passwordKeeping: options.passwordKeeping ?? {},
    media: async (articleId, file) =>
      (await readMedia(context.store.layout, articleId, file)) ??
      (context.team ? fetchTeamImage(context, context.team.team, articleId, file) : null),
    warn: (message) => options.warn?.(message),
    settings: () => context.store.settings(),
    stamp: () => ({
      at: clock(),
      by: context.store.settings().editorName || options.systemUser || 'editor',
    }),
    systemUser: options.systemUser || 'editor',
    backups: new Backups(store.layout, clock, fs),
    serially: <T>(work: () => Promise<T>): Promise<T> => {
      const run = queue.then(work, work)
      queue = run.catch(() => undefined)
      return run
    },
    speller: lazySpeller(
      () => {
        const files = options.spellingDictionary
        return files ? loadSpeller(files) : Promise.reject(new Error('this desk has no dictionary'))
      },
      () => context.store.settings().newsroomWords,
    ),
    newId: () => {
      let id = newArticleId()
      while (context.store.has(id)) id = newArticleId()
      return id
    },
  }
  return context
}
