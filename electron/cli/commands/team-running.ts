import type { DeskApi } from '../../../shared/contract.js'
import { valueOf } from '../desk-api.js'
import type { TeamOps } from './team-ops.js'

/**
 * The team commands asked of the desk that runs on the library (the browser host or the
 * desktop app): it holds the replica and replicates live, so it does the work and the CLI
 * prints what it says.
 */
export function runningTeamOps(api: DeskApi): TeamOps {
  return {
    join: async (url, user, password) => {
      const status = valueOf(
        await api.team.join({
          url,
          ...(user === null ? {} : { user }),
          ...(password === null ? {} : { password }),
        }),
      )
      return {
        url: status.url,
        user: status.user,
        desk: status.desk,
        joinedAt: status.joinedAt,
        pushed: status.lastSync?.pushed ?? 0,
        pulled: status.lastSync?.pulled ?? 0,
        conflicts: status.conflicts,
      }
    },
    sync: async () => valueOf(await api.team.sync()),
    conflicts: async () => valueOf(await api.team.conflicts()),
    status: async () => valueOf(await api.team.status()),
    resolve: async ({ id, fields, state }) =>
      valueOf(await api.team.resolve({ id, fields, state })),
    leave: async (anyway) => valueOf(await api.team.leave({ anyway })),
    close: async () => undefined,
  }
}
