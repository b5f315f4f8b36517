import type { DeskContext, Handlers } from '../desk-context.js'
import { DeskFailure } from '../failure.js'
import { chooseInConflict, joinTeam, openTeamDesk, syncOnce, teamConflicts } from './team-desk.js'

import { leaveTeam, singleDesk, teamStatus } from './team-status.js'

/**
 * team.*: the team desk as the hosts show it. A host's desk replicates live once joined
 * (`context.team`); the CLI's desk has no live team and talks to the server through
 * `midad team` instead.
 */
export function teamHandlers(context: DeskContext): Handlers<'team'> {
  const live = () => {
    if (!context.team)
      throw new DeskFailure('refused', 'this library is not joined to a team (Settings, Team)')
    return context.team
  }
  return {
    'team.status': async () => {
      const team = context.team
      if (!team) return singleDesk
      return teamStatus(team.team, team.connection(), team.arrivals())
    },
    'team.conflicts': async () => teamConflicts(live().team),
    'team.sync': async () => {
      const team = live()
      return team.run(() => syncOnce(context, team.team))
    },
    'team.resolve': async ({ id, fields, state }) => {
      const team = live()
      const open = await team.run(() =>
        chooseInConflict(context, team.team, id, fields, state ?? null),
      )
      return { open }
    },
    'team.editing': async ({ article }) => {
      const team = context.team
      if (!team) return { others: [] }
      await team.presence.announce(article)
      return { others: article ? await team.presence.others(article) : [] }
    },
    'team.join': async ({ url, user, password }) => {
      if (!context.startTeam)
        throw new DeskFailure('refused', 'this desk cannot replicate live: use midad team join')
      await joinTeam(context, { url, user: user ?? null, password: password ?? null })
      await context.startTeam()
      return teamStatus(live().team, live().connection(), 0)
    },
    'team.leave': async ({ anyway }) => {
      const team = live()
      await team.stop()
      context.team = null
      const fresh = await openTeamDesk(context)
      if (!fresh) throw new DeskFailure('refused', 'this library is not joined to a team')
      try {
        return await leaveTeam(context, fresh, () => syncOnce(context, fresh), anyway ?? false)
      } catch (error) {
        // Still joined: the live team comes back as it was.
        await fresh.close()
        await context.startTeam?.()
        throw error
      }
    },
  }
}
