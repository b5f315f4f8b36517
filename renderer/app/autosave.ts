import type { Article, ArticleFields, Delta } from '../../shared/article.js'
import type { DeskApi } from '../../shared/contract.js'
import { type DeskError, fail } from '../../shared/result.js'

/** What the status bar says about the open article's text. */
export type SaveStatus =
  | { kind: 'saved'; at: string }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'failed'; error: DeskError; retrying: boolean }

/** Timers, passed in so tests can run the saver without waiting. */
export interface Timers {
  set: (run: () => void, ms: number) => unknown
  clear: (handle: unknown) => void
}

/** What an autosaver is built from. */
export interface AutosaverOptions {
  article: Article
  save: DeskApi['articles']['save']
  onSaved: (article: Article) => void
  onStatus: (status: SaveStatus) => void
  /** The editing session (this tab's opening of the article): whose recovery copies are whose. */
  session: string
  /** When text is read, on a clock that only rises (across reloads too): orders copies and saves. */
  now?: () => number
  delayMs?: number
  retryMs?: number
  timers?: Timers
}

/**
 * Saves an article's changes a moment after typing stops. Changes that fail to save are kept
 * and retried (except a conflict, which needs the editor); saves never overlap, and each
 * names the revision it was based on.
 */
export class Autosaver {
  private pending: Partial<ArticleFields> = {}
  /** The body is read from the editor only when saving, never on each keystroke. */
  private pendingBody: (() => Delta) | null = null
  private current: Article
  private timer: unknown = null
  private flushing: Promise<boolean> | null = null
  private disposed = false
  private status: SaveStatus['kind'] | null = null
  private readonly timers: Timers

  constructor(private readonly options: AutosaverOptions) {
    this.current = options.article
    this.timers = options.timers ?? {
      set: (run, ms) => setTimeout(run, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    }
  }

  /** Whether some change has not reached the desk yet. */
  get dirty(): boolean {
    return this.hasPending() || this.flushing !== null
  }

  /** What has not reached the desk yet, with the body read now: for a recovery copy. */
  unsaved(): {
    baseRevision: number
    changes: Partial<ArticleFields>
    session: string
    seq: number
  } | null {
    if (!this.hasPending()) return null
    const seq = this.now()
    const changes = { ...this.pending, ...(this.pendingBody ? { body: this.pendingBody() } : {}) }
    return { baseRevision: this.current.revision, changes, session: this.options.session, seq }
  }

  private now(): number {
    return (this.options.now ?? (() => performance.timeOrigin + performance.now()))()
  }

  /** Records that the body changed; `read` gives the body when it is saved. */
  changeBody(read: () => Delta): void {
    this.pendingBody = read
    this.markUnsaved()
    this.schedule(this.options.delayMs ?? 1000)
  }

  /**
   * Says "unsaved" once, not on every key: each status is a render, and a render costs React a
   * walk of the focused editor's whole DOM to save and restore the selection.
   */
  private markUnsaved(): void {
    if (this.status === 'unsaved') return
    this.report({ kind: 'unsaved' })
  }

  private report(status: SaveStatus): void {
    this.status = status.kind
    this.options.onStatus(status)
  }

  private hasPending(): boolean {
    return Object.keys(this.pending).length > 0 || this.pendingBody !== null
  }

  /** Records an edit and schedules a save. */
  change(fields: Partial<ArticleFields>): void {
    this.pending = { ...this.pending, ...fields }
    this.markUnsaved()
    this.schedule(this.options.delayMs ?? 1000)
  }

  /** Saves now; true once everything the editor wrote is on disk. */
  flush(): Promise<boolean> {
    this.cancelTimer()
    // One drain at a time: saves never overlap, and a drain takes up what is typed meanwhile.
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null
    })
    return this.flushing
  }

  /** Stops timers; pending changes stay readable through `dirty`. */
  dispose(): void {
    this.disposed = true
    this.cancelTimer()
  }

  private async drain(): Promise<boolean> {
    while (this.hasPending()) {
      if (!(await this.saveOnce())) return false
    }
    return true
  }

  private async saveOnce(): Promise<boolean> {
    const readBody = this.pendingBody
    const seq = this.now()
    const changes = { ...this.pending, ...(readBody ? { body: readBody() } : {}) }
    this.pending = {}
    this.pendingBody = null
    this.report({ kind: 'saving' })
    const result = await this.options
      .save({
        id: this.current.id,
        baseRevision: this.current.revision,
        changes,
        session: this.options.session,
        seq,
      })
      .catch((error: unknown) => fail('io', String(error)))
    if (result.ok) {
      this.current = result.value
      this.options.onSaved(result.value)
      this.report(
        this.hasPending() ? { kind: 'unsaved' } : { kind: 'saved', at: result.value.updatedAt },
      )
      return true
    }
    // Keep what failed, under anything typed since; the body reader always gives the latest.
    if (readBody) {
      const fields: Partial<ArticleFields> = { ...changes }
      delete fields.body
      this.pending = { ...fields, ...this.pending }
      this.pendingBody ??= readBody
    } else {
      this.pending = { ...changes, ...this.pending }
    }
    const retrying = result.error.code !== 'conflict' && result.error.code !== 'invalid-input'
    this.report({ kind: 'failed', error: result.error, retrying })
    if (retrying) this.schedule(this.options.retryMs ?? 5000)
    return false
  }

  private schedule(ms: number): void {
    if (this.disposed) return
    this.cancelTimer()
    this.timer = this.timers.set(() => {
      this.timer = null
      void this.flush()
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
  }
}
