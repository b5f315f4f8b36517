import { projectDictionary } from '../../launch/build.js'
import { articleIdSchema, articleStateSchema } from '../../../shared/schemas.js'
import type { ArticleState } from '../../../shared/article.js'
import { type Desk, openDesk } from '../../core/desk.js'
import { DeskFailure } from '../../core/failure.js'
import type { TeamDesk } from '../../core/team/team-types.js'
import { sharedFields, type SharedField } from '../../core/team/team-docs.js'
import { type CliIo, UsageError } from '../io.js'

/** What `midad team …` is given besides its words. */
export interface TeamOptions {
  json: boolean
  user?: string
  state?: string
  yes: boolean
  systemUser?: string
}

const subcommands = ['join', 'sync', 'conflicts', 'status', 'leave', 'resolve'] as const

/**
 * `midad team join URL [--user NAME] | sync | conflicts | status | resolve ID FIELD=mine|theirs…
 * [--state STATE] | leave [--yes]`. Only join, sync, resolve and leave talk to the server;
 * every other command works on the library's files, which the replica's changes are written
 * into.
 */
export async function teamCommand(
  dataDir: string,
  args: string[],
  options: TeamOptions,
  io: CliIo,
): Promise<number> {
  const [sub, ...rest] = args
  if (!sub || !(subcommands as readonly string[]).includes(sub))
    throw new UsageError(
      sub ? `unknown team command: ${sub}` : `team needs one of: ${subcommands.join(', ')}`,
    )
  if (sub === 'join') {
    if (rest.length !== 1) throw new UsageError('team join needs the URL of the team database')
  } else if (sub !== 'resolve' && rest.length > 0) {
    throw new UsageError(`unexpected argument: ${rest.join(' ')}`)
  }
  const choices = sub === 'resolve' ? resolveChoices(rest, options.state) : null
  const password = sub === 'join' && options.user ? await passwordFor(options.user, io) : null
  const desk = await openDesk({
    dataDir,
    purpose: `midad team ${sub}`,
    systemUser: options.systemUser,
    spellingDictionary: projectDictionary,
    warn: (message) => io.err(`warning: ${message}`),
  })
  const team = await import('../../core/team/team-desk.js')
  const print = (value: unknown, text: string) =>
    io.out(options.json ? JSON.stringify(value, null, 2) : text)
  let joined: TeamDesk | null = null
  try {
    if (sub === 'join') {
      const { link, report } = await team.joinTeam(desk.context, {
        url: rest[0] ?? '',
        user: options.user ?? null,
        password,
      })
      print(
        { ...link, ...report },
        `joined ${link.url} as ${link.desk}: pushed ${report.pushed}, pulled ${report.pulled}, conflicts ${report.conflicts}`,
      )
      return 0
    }
    const status = await import('../../core/team/team-status.js')
    if (sub === 'status' && !(await team.openTeamDesk(desk.context).then((t) => (joined = t)))) {
      print(status.singleDesk, 'a single desk: not joined to a team')
      return 0
    }
    joined ??= await openJoined(desk, team.openTeamDesk)
    switch (sub) {
      case 'sync': {
        const report = await team.syncOnce(desk.context, joined)
        print(
          report,
          `pushed ${report.pushed}, pulled ${report.pulled}, conflicts ${report.conflicts}`,
        )
        return 0
      }
      case 'conflicts': {
        const found = await team.teamConflicts(joined)
        print(
          found,
          found.length === 0
            ? 'no conflicts'
            : found
                .map(
                  (c) =>
                    `${c.id}\t${c.field}\tmine: ${shown(c.mine)}\ttheirs: ${shown(c.theirs)}\t${c.at}`,
                )
                .join('\n'),
        )
        return 0
      }
      case 'status': {
        const now = await status.teamStatus(joined, await status.reachServer(joined, io.now()))
        const connection = now.connection
        print(
          now,
          [
            `joined ${now.url} as ${now.desk}${now.user ? ` (user ${now.user})` : ''}`,
            `server: ${connection?.state ?? 'unknown'}${connection && 'why' in connection ? ` (${connection.why})` : ''}`,
            `last sync: ${now.lastSync ? `${now.lastSync.at}, pushed ${now.lastSync.pushed}, pulled ${now.lastSync.pulled}` : 'never'}`,
            `conflicts: ${now.conflicts}`,
          ].join('\n'),
        )
        return 0
      }
      case 'resolve': {
        const { id, fields, state } = choices as NonNullable<typeof choices>
        const left = await team.chooseInConflict(desk.context, joined, id, fields, state)
        await team
          .syncOnce(desk.context, joined)
          .catch((error: unknown) =>
            io.err(
              `warning: chosen here; the team gets it at the next sync (${(error as Error).message})`,
            ),
          )
        print(
          { id, open: left },
          left.length ? `${left.length} conflict(s) still open` : 'resolved',
        )
        return 0
      }
      case 'leave': {
        const current = joined
        const done = await status.leaveTeam(
          desk.context,
          current,
          () => team.syncOnce(desk.context, current),
          options.yes,
        )
        print(
          done,
          `left ${done.left}${done.shared ? '' : ' (the last changes were not shared)'}: a single desk again`,
        )
        return 0
      }
    }
    return 0
  } finally {
    await joined?.close()
    await desk.close()
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

function resolveChoices(args: string[], stateText: string | undefined) {
  const [id, ...pairs] = args
  if (!id || !articleIdSchema.safeParse(id).success)
    throw new UsageError('team resolve needs an article id')
  const fields: Partial<Record<SharedField, 'mine' | 'theirs'>> = {}
  for (const pair of pairs) {
    const [field, side] = pair.split('=')
    if (!field || !(sharedFields as readonly string[]).includes(field) || field === 'trashed')
      throw new UsageError(`unknown field: ${field ?? pair}`)
    if (side !== 'mine' && side !== 'theirs')
      throw new UsageError(`${pair}: say ${field}=mine or ${field}=theirs`)
    fields[field as SharedField] = side
  }
  if (stateText !== undefined && !articleStateSchema.safeParse(stateText).success)
    throw new UsageError(`unknown state: ${stateText}`)
  return { id, fields, state: (stateText as ArticleState | undefined) ?? null }
}

/** The password of `--user`: MIDAD_TEAM_PASSWORD, else asked at the terminal. */
async function passwordFor(user: string, io: CliIo): Promise<string> {
  const given = io.env.MIDAD_TEAM_PASSWORD
  if (given !== undefined) return given
  if (!io.prompt)
    throw new UsageError(`no password for ${user}: set MIDAD_TEAM_PASSWORD (no terminal to ask at)`)
  return io.prompt(`password for ${user}: `)
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 59)}…` : text
}
