import { articleIdSchema, articleStateSchema } from '../../../shared/schemas.js'
import type { ArticleState } from '../../../shared/article.js'
import { sharedFields, type SharedField } from '../../core/team/team-docs.js'
import { type CliIo, UsageError } from '../io.js'
import { runningDesk } from '../running-desk.js'
import { localTeamOps } from './team-local.js'
import { runningTeamOps } from './team-running.js'
import type { TeamChoice } from './team-ops.js'

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
 * into. A replica is opened by one process at a time: while a desk runs on the library these
 * are asked of it (through its door), and otherwise done here on the replica.
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
  // A desk running on the library holds its replica: it is asked, and does the work.
  const running = await runningDesk(dataDir)
  const ops = running
    ? runningTeamOps(running)
    : await localTeamOps({
        dataDir,
        purpose: `midad team ${sub}`,
        systemUser: options.systemUser,
        warn: (message) => io.err(`warning: ${message}`),
        now: io.now,
        given: io.env.MIDAD_TEAM_PASSWORD,
      })
  const print = (value: unknown, text: string) =>
    io.out(options.json ? JSON.stringify(value, null, 2) : text)
  try {
    switch (sub) {
      case 'join': {
        const joined = await ops.join(rest[0] ?? '', options.user ?? null, password)
        print(
          joined,
          `joined ${joined.url} as ${joined.desk}: pushed ${joined.pushed}, pulled ${joined.pulled}, conflicts ${joined.conflicts}`,
        )
        return 0
      }
      case 'sync': {
        const report = await ops.sync()
        print(
          report,
          `pushed ${report.pushed}, pulled ${report.pulled}, conflicts ${report.conflicts}`,
        )
        return 0
      }
      case 'conflicts': {
        const found = await ops.conflicts()
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
        const now = await ops.status()
        if (!now.joined) {
          print(now, 'a single desk: not joined to a team')
          return 0
        }
        const connection = now.connection
        print(
          now,
          [
            `joined ${now.url} as ${now.desk}${now.user ? ` (user ${now.user})` : ''}`,
            `server: ${connection?.state ?? 'unknown'}${connection && 'why' in connection ? ` (${connection.why})` : ''}`,
            `last sync: ${now.lastSync ? `${now.lastSync.at}, pushed ${now.lastSync.pushed}, pulled ${now.lastSync.pulled}` : 'never'}`,
            `conflicts: ${now.conflicts}`,
            ...(running ? ['(asked of the desk running on this library)'] : []),
          ].join('\n'),
        )
        return 0
      }
      case 'resolve': {
        const choice = choices as NonNullable<typeof choices>
        const { open, unshared } = await ops.resolve(choice)
        if (unshared)
          io.err(`warning: chosen here; the team gets it at the next sync (${unshared})`)
        print(
          { id: choice.id, open },
          open.length ? `${open.length} conflict(s) still open` : 'resolved',
        )
        return 0
      }
      case 'leave': {
        const done = await ops.leave(options.yes)
        print(
          done,
          `left ${done.left}${done.shared ? '' : ' (the last changes were not shared)'}: a single desk again`,
        )
        return 0
      }
    }
    return 0
  } finally {
    await ops.close()
  }
}

function resolveChoices(args: string[], stateText: string | undefined): TeamChoice {
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
