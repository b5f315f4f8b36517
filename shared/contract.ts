import { z } from 'zod'
import type { Article, ArticleSummary } from './article.js'
import type { Finding } from './content-profile.js'
import type { LibraryNotice } from './notices.js'
import type { QueueCard } from './workflow.js'
import type { Result } from './result.js'
import type { SearchHit } from './search-text.js'
import type { Settings } from './settings.js'
import {
  type SyncReport,
  type TeamConflict,
  type TeamPresence,
  type TeamStatus,
  teamEditingSchema,
  teamJoinSchema,
  teamLeaveSchema,
  teamResolveSchema,
} from './team.js'
import type { BackupEntry, DiffPart, RevisionEntry, TrashedArticle } from './revisions.js'
import {
  type DownloadFile,
  type ExportResult,
  type ImportReport,
  exportArticlesSchema,
  exportDownloadSchema,
  exportZipSchema,
  importFilesSchema,
  mediaAddSchema,
  type RecoveryCopy,
  recoveryPutSchema,
} from './transfer.js'
import {
  articleFieldsPatchSchema,
  articleIdSchema,
  articleSaveSchema,
  libraryPageSchema,
  editingSessionSchema,
  noteAddSchema,
  noteResolveSchema,
  queueMoveSchema,
  searchQuerySchema,
  settingsPatchSchema,
  spellingCheckSchema,
  spellingWordSchema,
  revisionDiffSchema,
  revisionRestoreSchema,
  trashPurgeSchema,
  backupNameSchema,
} from './schemas.js'

/** Whether an article may become ready, and every reason it may not. */
export interface Readiness {
  ready: boolean
  findings: Finding[]
}

/** A method's argument schema, with its result type carried along for the type checker only. */
export interface MethodSpec<Args extends z.ZodTuple, Value> {
  args: Args
  /** Never set at run time: it only names the result type. */
  readonly result?: Value
}

const method =
  <Value>() =>
  <Args extends z.ZodTuple>(args: Args): MethodSpec<Args, Value> => ({ args })

/**
 * Every desk method, declared once. The core implements it, the Electron preload and the
 * browser host's HTTP client are derived from it; nothing else lists methods.
 */
export const contract = {
  'articles.list': method<ArticleSummary[]>()(z.tuple([])),
  'articles.get': method<Article>()(z.tuple([articleIdSchema])),
  'articles.create': method<Article>()(z.tuple([articleFieldsPatchSchema.optional()])),
  'articles.save': method<Article>()(z.tuple([articleSaveSchema])),
  'articles.trash': method<{ id: string }>()(z.tuple([articleIdSchema])),
  'articles.check': method<Readiness>()(z.tuple([articleIdSchema])),
  'articles.search': method<
    (SearchHit & { section: string; state: string; updatedAt: string })[]
  >()(z.tuple([searchQuerySchema])),
  'articles.page': method<{
    total: number
    rows: (ArticleSummary & { tags: string[] })[]
  }>()(z.tuple([libraryPageSchema])),
  'revisions.history': method<RevisionEntry[]>()(z.tuple([articleIdSchema])),
  'revisions.diff': method<DiffPart[]>()(z.tuple([revisionDiffSchema])),
  'revisions.restore': method<Article>()(z.tuple([revisionRestoreSchema])),
  'trash.list': method<TrashedArticle[]>()(z.tuple([])),
  'trash.restore': method<Article>()(z.tuple([articleIdSchema])),
  'trash.purge': method<{ purged: string[] }>()(z.tuple([trashPurgeSchema])),
  'backups.list': method<BackupEntry[]>()(z.tuple([])),
  'backups.create': method<BackupEntry>()(z.tuple([])),
  /** The library replaced by a backup, itself backed up first as `before`. */
  'backups.restore': method<{ restored: string; before: string }>()(z.tuple([backupNameSchema])),
  'settings.get': method<Settings>()(z.tuple([])),
  'settings.update': method<Settings>()(z.tuple([settingsPatchSchema])),
  /** Who the desk records as the editor: the name in Settings, else the system user's. */
  'settings.editor': method<{ name: string; systemUser: string }>()(z.tuple([])),
  'import.files': method<ImportReport>()(z.tuple([importFilesSchema])),
  'export.articles': method<ExportResult>()(z.tuple([exportArticlesSchema])),
  'export.download': method<DownloadFile>()(z.tuple([exportDownloadSchema])),
  'export.zip': method<DownloadFile>()(z.tuple([exportZipSchema])),
  /**
   * A folder the editor picks in the desktop app's own dialog (null: cancelled), which
   * `export.articles` may then write to; refused where there is no such dialog (the browser).
   */
  'export.chooseFolder': method<{ folder: string | null }>()(z.tuple([])),
  'media.add': method<{ file: string }>()(z.tuple([mediaAddSchema])),
  'notes.add': method<Article>()(z.tuple([noteAddSchema])),
  'notes.resolve': method<Article>()(z.tuple([noteResolveSchema])),
  'queue.list': method<QueueCard[]>()(z.tuple([])),
  'queue.move': method<Article>()(z.tuple([queueMoveSchema])),
  'recovery.put': method<{ savedAt: string; kept: boolean }>()(z.tuple([recoveryPutSchema])),
  'recovery.list': method<RecoveryCopy[]>()(z.tuple([])),
  'recovery.discard': method<{ id: string }>()(
    z.tuple([articleIdSchema, editingSessionSchema.optional()]),
  ),
  'library.notices': method<LibraryNotice[]>()(z.tuple([])),
  /** Of some distinct words, those neither the dictionary nor the newsroom's words know. */
  'spelling.check': method<{ misspelled: string[] }>()(z.tuple([spellingCheckSchema])),
  'spelling.suggest': method<{ suggestions: string[] }>()(z.tuple([spellingWordSchema])),
  /** A word into the newsroom's dictionary (Settings' `newsroomWords`): the settings after. */
  'spelling.addWord': method<Settings>()(z.tuple([spellingWordSchema])),
  /** The team desk: joined or not, online or not, the last sync, open conflicts. */
  'team.status': method<TeamStatus>()(z.tuple([])),
  'team.conflicts': method<TeamConflict[]>()(z.tuple([])),
  /** One push and pull now (`midad team sync`), beside the live replication. */
  'team.sync': method<SyncReport>()(z.tuple([])),
  /** An editor's choice in one article's conflicts: what is still open in it after. */
  'team.resolve': method<{ open: TeamConflict[] }>()(z.tuple([teamResolveSchema])),
  /**
   * Says which article this desk's editor has open (null: none), and gives back the other
   * desks that have it open too: "being edited by …", advisory only.
   */
  'team.editing': method<{ others: TeamPresence[] }>()(z.tuple([teamEditingSchema])),
  'team.join': method<TeamStatus>()(z.tuple([teamJoinSchema])),
  'team.leave': method<{ left: string; shared: boolean }>()(z.tuple([teamLeaveSchema])),
}

type Contract = typeof contract

/** A method name, `namespace.verb`: also the IPC channel and the HTTP route. */
export type MethodName = keyof Contract

/** The arguments a caller passes to a method. */
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>

/** The arguments a method's implementation receives, once validated. */
export type ValidArgs<M extends MethodName> = z.output<Contract[M]['args']>

/** What a method gives back when it succeeds. */
export type MethodValue<M extends MethodName> = NonNullable<Contract[M]['result']>

/** Every method name, in declaration order. */
export const methodNames = Object.keys(contract) as MethodName[]

/** Whether an untrusted string names a desk method. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

type Namespace = MethodName extends `${infer N}.${string}` ? N : never

/** The desk as the renderer sees it: `desk.articles.save(...)`, each call a Result. */
export type DeskApi = {
  [N in Namespace]: {
    [M in MethodName as M extends `${N}.${infer Verb}` ? Verb : never]: (
      ...args: MethodArgs<M>
    ) => Promise<Result<MethodValue<M>>>
  }
}

/** Sends one call over some transport and gives back its result. */
export type Transport = (method: MethodName, args: unknown[]) => Promise<Result<unknown>>

/** Builds the nested desk API from a transport: one function per contract method. */
export function buildDeskApi(transport: Transport): DeskApi {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<Result<unknown>>>> = {}
  for (const name of methodNames) {
    const [namespace, verb] = name.split('.') as [string, string]
    api[namespace] ??= {}
    api[namespace][verb] = (...args: unknown[]) => transport(name, args)
  }
  return api as unknown as DeskApi
}
