export type { SyncReport } from '../../../shared/team.js'
import type { ReplicaDb } from './replica.js'
import type { TeamLink } from './team-link.js'

/** A joined desk: its link, its replica and the team's database. */
export interface TeamDesk {
  link: TeamLink
  replica: ReplicaDb
  remote: ReplicaDb
  close(): Promise<void>
}
