import { reason } from '../../../shared/reasons.js'
import type { Article, ArticleFields } from '../../../shared/article.js'
import type { LibraryNotice } from '../../../shared/notices.js'
import { storedRecoveryCopySchema } from '../../../shared/stored-schemas.js'
import type { RecoveryCopy } from '../../../shared/transfer.js'
import { DeskFailure, errnoCode } from '../failure.js'
import { writeFileAtomic } from './atomic-write.js'
import type { LibraryLayout } from './layout.js'
import type { StorageFs } from './storage-fs.js'
import { readStored } from './stored-file.js'

/** A recovery copy as kept on disk: one per article and editing session. */
export interface StoredCopy {
  id: string
  /** The editing session (a tab, a window) whose text this is. */
  session: string
  /** When the session read this text (its own clock, rising): orders copies against saves. */
  seq: number
  baseRevision: number
  savedAt: string
  changes: Partial<ArticleFields>
}

/** What the copies need from the library around them. */
export interface RecoveryCopiesOptions {
  fs: StorageFs
  layout: LibraryLayout
  repair: boolean
  has: (id: string) => boolean
  read: (id: string) => Promise<Article>
  quarantine: (path: string) => Promise<string | null>
  notice: (notice: LibraryNotice) => void
  writable: () => Promise<void>
}

/** Whether everything a copy holds is already in the article: it has nothing left to offer. */
function landed(copy: Pick<StoredCopy, 'changes'>, article: Article): boolean {
  return Object.entries(copy.changes).every(
    ([key, value]) => JSON.stringify(article[key as keyof Article]) === JSON.stringify(value),
  )
}

/**
 * Copies of unsaved text (`recovery/<id>.<session>.json`), kept per editing session so that two
 * sessions never overwrite each other's. A copy is offered while it holds text no later save of
 * its session holds: a save from the same session of text read after the copy supersedes it,
 * and a copy that arrives after such a save is not kept. Another session's save never drops it.
 */
export class RecoveryCopies {
  /** The newest text each session has seen land, by `${id}.${session}`. */
  private readonly landedSeq = new Map<string, number>()

  constructor(private readonly options: RecoveryCopiesOptions) {}

  /** Keeps a copy, unless a save of the same session already holds newer text. */
  async put(copy: StoredCopy): Promise<{ kept: boolean }> {
    await this.options.read(copy.id)
    await this.options.writable()
    const key = `${copy.id}.${copy.session}`
    if ((this.landedSeq.get(key) ?? -Infinity) >= copy.seq) return { kept: false }
    const { fs, layout } = this.options
    try {
      await fs.mkdir(layout.recoveryFolder, { recursive: true })
      await writeFileAtomic(layout.recovery(copy.id, copy.session), JSON.stringify(copy), fs, {
        tempDir: layout.temp,
      })
    } catch (error) {
      throw DeskFailure.of(
        'io',
        `the recovery copy of ${copy.id} could not be written (${(error as Error).message}); the text is still only in the editor`,
        reason('recovery-not-kept', { id: copy.id, detail: (error as Error).message }),
      )
    }
    return { kept: true }
  }

  /**
   * After a save of a session landed: its copy goes when the save holds text read at or after
   * the copy's; a save without a session drops copies whose every change landed in it.
   */
  async saved(article: Article, session?: string, seq?: number): Promise<void> {
    if (session !== undefined && seq !== undefined) {
      const key = `${article.id}.${session}`
      this.landedSeq.set(key, Math.max(seq, this.landedSeq.get(key) ?? -Infinity))
    }
    for (const copy of await this.copiesOf(article.id)) {
      const superseded =
        copy.session === session && seq !== undefined ? copy.seq <= seq : landed(copy, article)
      if (superseded) await this.drop(copy.id, copy.session)
    }
  }

  /** Drops one session's copy of an article, or every copy of it. */
  async drop(id: string, session?: string): Promise<void> {
    const sessions =
      session === undefined ? (await this.copiesOf(id)).map((c) => c.session) : [session]
    for (const s of sessions) {
      await this.options.fs.unlink(this.options.layout.recovery(id, s)).catch((error: unknown) => {
        if (errnoCode(error) !== 'ENOENT') throw error
      })
    }
  }

  /** Every copy still holding text its article does not, for the desk to offer. */
  async list(): Promise<RecoveryCopy[]> {
    const offered: RecoveryCopy[] = []
    for (const copy of await this.copiesOf(null)) {
      if (!this.options.has(copy.id)) continue
      const article = await this.options.read(copy.id).catch(() => null)
      if (!article || landed(copy, article)) continue
      offered.push({
        id: copy.id,
        session: copy.session,
        headline: copy.changes.headline ?? article.headline,
        savedAt: copy.savedAt,
        baseRevision: copy.baseRevision,
        currentRevision: article.revision,
        changes: copy.changes,
      })
    }
    return offered.sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1))
  }

  // The recovery folder holds only the copies of open or crashed sessions: a few files.
  private async copiesOf(id: string | null): Promise<StoredCopy[]> {
    const { fs, layout } = this.options
    let names: string[]
    try {
      names = await fs.readdir(layout.recoveryFolder)
    } catch {
      return []
    }
    const copies: StoredCopy[] = []
    for (const name of names) {
      const match = /^([a-z0-9]+)\.([a-z0-9-]+)\.json$/.exec(name)
      if (!match || (id !== null && match[1] !== id)) continue
      const path = `${layout.recoveryFolder}/${name}`
      const read = await readStored(fs, path, storedRecoveryCopySchema).catch(() => null)
      if (read?.status === 'ok') copies.push(read.value as StoredCopy)
      else if (read?.status === 'damaged' && this.options.repair) {
        const quarantined = await this.options.quarantine(path)
        this.options.notice({ kind: 'file-quarantined', path, quarantined, reason: read.reason })
      }
    }
    return copies
  }
}
