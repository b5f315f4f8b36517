import type { Backups } from './storage/backups.js'
import type { MethodName, MethodValue, ValidArgs } from '../../shared/contract.js'
import type { Settings } from '../../shared/settings.js'
import type { Stamp } from './articles.js'
import type { PdfPrinter } from './export/render-export.js'
import type { LibrarySearch } from './library-search.js'
import type { MediaReader } from './media.js'
import type { LibraryStorage } from './storage/library-store.js'
import type { Speller } from './spelling/speller.js'
import type { StorageFs } from './storage/storage-fs.js'
import type { TeamLive } from './team/live-team.js'
import type { PasswordKeeping } from './team/team-password.js'

/** What the core implements: each contract method, given validated arguments. */
export type DeskHandlers = {
  [M in MethodName]: (...args: ValidArgs<M>) => Promise<MethodValue<M>>
}

/** What the desk's parts share: the store, the clock, and serial execution of changes. */
export interface DeskContext {
  store: LibraryStorage
  /** The search index, following every change off the save path. */
  search: LibrarySearch
  clock: () => Date
  /** The file operations the library is kept with (injected in the fault suites). */
  fs: StorageFs
  stamp: () => Stamp
  /** The system user's name: who the desk records when Settings name no editor. */
  systemUser: string
  /** Whole copies of the library (storage/backups.ts). */
  backups: Backups
  /** Runs changes one at a time, so two never interleave their read-modify-write. */
  serially: <T>(work: () => Promise<T>) => Promise<T>
  settings: () => Settings
  /**
   * Closes the library and its search, runs `work` on the files (a backup restored), and opens
   * them again, whatever the work's outcome. Called inside `serially`.
   */
  replaceLibrary: <T>(work: () => Promise<T>) => Promise<T>
  newId: () => string
  printPdf?: PdfPrinter
  /** The desktop app's folder dialog (null: cancelled); absent in the other hosts. */
  chooseFolder?: () => Promise<string | null>
  /** Folders the editor chose in that dialog in this run: exports may go there. */
  chosenFolders: Set<string>
  /** The host's log (the CLI's stderr): what went wrong off any editor's request. */
  warn: (message: string) => void
  /**
   * The library's images as the desk shows and exports them: from `media/`, or on a team desk
   * fetched from the team when first asked for.
   */
  media: MediaReader
  /** Where the team password is kept: the OS keychain in the desktop app (team-password.ts). */
  passwordKeeping: PasswordKeeping
  /** The live team desk of a host's joined library; null for a single desk and in the CLI. */
  team: TeamLive | null
  /** Starts the live team desk of a joined library (hosts only). */
  startTeam?: () => Promise<void>
  /** The spellchecker, loaded on first use and knowing the newsroom's words of the settings. */
  speller: () => Promise<Speller>
}

/** The handlers of one namespace of the contract. */
export type Handlers<Prefix extends string> = {
  [M in MethodName as M extends `${Prefix}.${string}` ? M : never]: DeskHandlers[M]
}
