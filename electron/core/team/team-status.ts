import type { DeskContext } from '../desk-context.js'
import { DeskFailure } from '../failure.js'
import type { SyncReport, TeamConnection, TeamStatus } from '../../../shared/team.js'
import type { TeamDesk } from './team-types.js'

export type { TeamConnection, TeamStatus }
import { openConflictIds } from './team-conflicts.js'
import { readTeamLink } from './team-link.js'

// What a team desk says of itself (`midad team status`, the status bar), and leaving a team.

const lastSyncId = '_local/midad-last-sync'

export async function recordSync(team: TeamDesk, report: SyncReport, at: Date): Promise<void> {
  const old = (await team.replica.get(lastSyncId).catch(() => null)) as { _rev: string } | null
  await team.replica.put({
    _id: lastSyncId,
    ...(old ? { _rev: old._rev } : {}),
    ...report,
    at: at.toISOString(),
  })
}

/** The status of a joined desk; `connection` as its host knows it, or asked of the server now. */
export async function teamStatus(
  team: TeamDesk,
  connection: TeamConnection | null,
  arrivals = 0,
): Promise<TeamStatus> {
  const last = (await team.replica.get(lastSyncId).catch(() => null)) as
    (SyncReport & { at: string }) | null
  return {
    joined: true,
    url: team.link.url,
    user: team.link.user,
    desk: team.link.desk,
    joinedAt: team.link.joinedAt,
    connection,
    lastSync: last
      ? { pushed: last.pushed, pulled: last.pulled, conflicts: last.conflicts, at: last.at }
      : null,
    conflicts: (await openConflictIds(team.replica)).length,
    arrivals,
  }
}

/** A single desk's status. */
export const singleDesk: TeamStatus = {
  joined: false,
  url: null,
  user: null,
  desk: null,
  joinedAt: null,
  connection: null,
  lastSync: null,
  conflicts: 0,
  arrivals: 0,
}

/** Whether the team database answers now (a CLI's one look; a host follows its replication). */
export async function reachServer(team: TeamDesk, now: Date): Promise<TeamConnection> {
  try {
    await team.remote.info()
    return { state: 'online' }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 401 || status === 403)
      return { state: 'failing', why: 'the user name or password was refused' }
    return {
      state: 'offline',
      since: now.toISOString(),
      why: (error as Error).message || String(error),
    }
  }
}

/**
 * Leaves the team: the files already hold every article, so the data dir is a single desk
 * again once its team folder goes. Refused while a conflict is open (leaving would drop the
 * side not chosen) and, unless `anyway`, when the last changes could not be shared.
 */
export async function leaveTeam(
  context: DeskContext,
  team: TeamDesk,
  lastRound: () => Promise<SyncReport>,
  anyway: boolean,
): Promise<{ left: string; shared: boolean }> {
  const open = await openConflictIds(team.replica)
  if (open.length > 0)
    throw new DeskFailure(
      'refused',
      `${open.length} article(s) have a conflict open: choose in them first (midad team conflicts)`,
      open.map((id) => `conflict open in ${id}`),
    )
  let shared = true
  try {
    await lastRound()
  } catch (error) {
    if (!anyway)
      throw new DeskFailure(
        'io',
        `the last changes could not be shared (${(error as Error).message}); add --yes to leave anyway`,
      )
    shared = false
  }
  const url = team.link.url
  await team.close()
  const { layout } = context.store
  if (await readTeamLink(context.fs, layout))
    await context.fs.rm(layout.team, { recursive: true, force: true })
  return { left: url, shared }
}
