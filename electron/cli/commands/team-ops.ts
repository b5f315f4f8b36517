import type { ArticleState } from '../../../shared/article.js'
import type { SyncReport, TeamConflict, TeamStatus } from '../../../shared/team.js'
import type { SharedField } from '../../core/team/team-docs.js'

/** What `midad team join` prints: the link made and the first round's report. */
export interface JoinReport extends SyncReport {
  url: string | null
  user: string | null
  desk: string | null
  joinedAt: string | null
}

/** An editor's choice in one article's conflicts, as `midad team resolve` is given it. */
export interface TeamChoice {
  id: string
  fields: Partial<Record<SharedField, 'mine' | 'theirs'>>
  state: ArticleState | null
}

/**
 * The team commands, done either by the desk that holds the library (through its door) or by
 * the CLI on the replica itself when no desk runs: the same values either way.
 */
export interface TeamOps {
  join(url: string, user: string | null, password: string | null): Promise<JoinReport>
  sync(): Promise<SyncReport>
  conflicts(): Promise<TeamConflict[]>
  status(): Promise<TeamStatus>
  /** What is still open in the article after; `unshared` when the team did not get it yet. */
  resolve(choice: TeamChoice): Promise<{ open: TeamConflict[]; unshared?: string }>
  leave(anyway: boolean): Promise<{ left: string; shared: boolean }>
  close(): Promise<void>
}
