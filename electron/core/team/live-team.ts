import type { TeamConnection } from '../../../shared/team.js'
import type { LibraryChange } from '../storage/library-storage.js'
import type { TeamDesk } from './team-types.js'
import type { Presence } from './presence.js'

/** A host's live team desk (team-live.ts), as the desk's context holds it. */
export interface TeamLive {
  team: TeamDesk
  /** What this desk has open, and who else has an article open ("being edited by …"). */
  presence: Presence
  connection(): TeamConnection
  /** Rises each time the team's changes were written into the files: the desk reloads. */
  arrivals(): number
  /** Settles once everything queued so far is done (tests). */
  settled(): Promise<void>
  /** Runs work in the team's queue: an editor's choice never interleaves with a merge. */
  run<T>(work: () => Promise<T>): Promise<T>
  /** Shares a change of the library (the desk calls it for every one). */
  changed(change: LibraryChange): void
  stop(): Promise<void>
}
