import { z } from 'zod'
import { articleIdSchema, articleStateSchema } from './schemas.js'

// What a team desk says of itself and of its conflicts, across the contract (issue #18).

/** How the desk stands with its team: online, syncing, offline since …, or failing (why). */
export type TeamConnection =
  | { state: 'online' }
  | { state: 'syncing' }
  | { state: 'offline'; since: string; why: string }
  | { state: 'failing'; why: string }

/** What one round with the server did (`midad team sync`). */
export interface SyncReport {
  pushed: number
  pulled: number
  conflicts: number
}

export interface TeamStatus {
  joined: boolean
  url: string | null
  user: string | null
  desk: string | null
  joinedAt: string | null
  connection: TeamConnection | null
  /** The last round that ended: when, and what it moved. */
  lastSync: (SyncReport & { at: string }) | null
  conflicts: number
  /** Rises each time the team's changes landed in the library: the desk reloads its lists. */
  arrivals: number
}

/** One conflict as `midad team conflicts` and the desk list it. */
export interface TeamConflict {
  id: string
  field: string
  /** This desk's value (or the winner's, when neither side was written here) and the other. */
  mine: unknown
  theirs: unknown
  /** When the other side was written. */
  at: string
}

/** Another desk that has an article open now ("being edited by …"): advisory only. */
export interface TeamPresence {
  /** The desk's name in the team (`editor@machine#…`). */
  desk: string
  editor: string
  /** When it said so last. */
  since: string
}

/** `team.editing`: the article this desk's editor has open, or null when none. */
export const teamEditingSchema = z.strictObject({ article: articleIdSchema.nullable() })

/** The fields a team merges one by one and an editor may have to choose in. */
export const teamFields = [
  'headline',
  'kicker',
  'summary',
  'section',
  'byline',
  'source',
  'place',
  'publishedAt',
  'tags',
  'slug',
  'priority',
  'editorNote',
  'featuredImage',
  'body',
  'visits',
  'comments',
  'scheduledAt',
  'publishError',
] as const

/** `team.join`: the database's URL, and who joins (the password goes nowhere but its file). */
export const teamJoinSchema = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  user: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1000).optional(),
})

/** `team.resolve`: mine or theirs for each field in conflict, and the state for moves apart. */
export const teamResolveSchema = z.strictObject({
  id: articleIdSchema,
  fields: z.partialRecord(z.enum(teamFields), z.enum(['mine', 'theirs'])),
  state: articleStateSchema.nullable().optional(),
})

/** `team.leave`: `anyway` leaves even when the last changes cannot reach the server. */
export const teamLeaveSchema = z.strictObject({ anyway: z.boolean().optional() })
