import type { ReplicaDb } from './replica.js'
import type { TeamLink } from './team-link.js'

/** What one round with the server did (`midad team sync`). */
export interface SyncReport {
  pushed: number
  pulled: number
  conflicts: number
}

/** A joined desk: its link, its replica and the team's database. */
export interface TeamDesk {
  link: TeamLink
  replica: ReplicaDb
  remote: ReplicaDb
  close(): Promise<void>
}
