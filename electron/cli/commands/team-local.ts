import { projectDictionary } from '../../launch/build.js'
import { type Desk, openDesk } from '../../core/desk.js'
import { DeskFailure } from '../../core/failure.js'
import type { TeamDesk } from '../../core/team/team-types.js'
import type { TeamOps } from './team-ops.js'

/**
 * The team commands done by the CLI itself when no desk runs on the library: it takes the
 * write lock, opens the replica, and talks to the server only for join, sync, resolve and leave.
 */
export async function localTeamOps(options: {
  dataDir: string
  purpose: string
  systemUser?: string
  warn: (message: string) => void
  now: () => Date
  /** MIDAD_TEAM_PASSWORD: the password when the kept one is sealed in the desktop app's keychain. */
  given?: string
}): Promise<TeamOps> {
  const desk = await openDesk({
    dataDir: options.dataDir,
    purpose: options.purpose,
    systemUser: options.systemUser,
    spellingDictionary: projectDictionary,
    warn: options.warn,
    passwordKeeping: options.given === undefined ? {} : { given: options.given },
  })
  const team = await import('../../core/team/team-desk.js')
  const status = await import('../../core/team/team-status.js')
  let opened: TeamDesk | null = null
  const joined = async () => (opened ??= await openJoined(desk, team.openTeamDesk))
  return {
    join: async (url, user, password) => {
      const { link, report } = await team.joinTeam(desk.context, { url, user, password })
      return { ...link, ...report }
    },
    sync: async () => team.syncOnce(desk.context, await joined()),
    conflicts: async () => team.teamConflicts(await joined()),
    status: async () => {
      opened ??= await team.openTeamDesk(desk.context)
      if (!opened) return status.singleDesk
      return status.teamStatus(opened, await status.reachServer(opened, options.now()))
    },
    resolve: async ({ id, fields, state }) => {
      const current = await joined()
      const open = await team.chooseInConflict(desk.context, current, id, fields, state)
      try {
        await team.syncOnce(desk.context, current)
        return { open }
      } catch (error) {
        return { open, unshared: (error as Error).message }
      }
    },
    leave: async (anyway) => {
      const current = await joined()
      return status.leaveTeam(
        desk.context,
        current,
        () => team.syncOnce(desk.context, current),
        anyway,
      )
    },
    close: async () => {
      await opened?.close()
      await desk.close()
    },
  }
}

async function openJoined(
  desk: Desk,
  open: (context: Desk['context']) => Promise<TeamDesk | null>,
): Promise<TeamDesk> {
  const joined = await open(desk.context)
  if (!joined)
    throw new DeskFailure('refused', 'this library is not joined to a team (midad team join URL)')
  return joined
}
