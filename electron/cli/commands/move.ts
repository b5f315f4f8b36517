import { projectDictionary } from '../../launch/build.js'
import { articleIdSchema, articleStateSchema } from '../../../shared/schemas.js'
import { fromWallClock } from '../../../shared/site-date.js'
import type { ArticleState } from '../../../shared/article.js'
import { openDesk } from '../../core/desk.js'
import { cliDeskApi, valueOf } from '../desk-api.js'
import { type CliIo, UsageError } from '../io.js'

/** A time from the command line: with an offset as given, without one in the newsroom's zone. */
export function parseCliTime(text: string, timeZone: string): string {
  if (/(Z|[+-]\d\d:?\d\d)$/i.test(text)) {
    const time = Date.parse(text)
    if (Number.isNaN(time)) throw new UsageError(`--at ${text} is not a time`)
    return new Date(time).toISOString()
  }
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(text)
  const iso = match ? fromWallClock(match[1] ?? '', match[2] ?? '', timeZone) : null
  if (!iso)
    throw new UsageError(
      `--at ${text} is not a time (use 2026-12-01T09:00, in the newsroom's time zone)`,
    )
  return iso
}

/**
 * `midad move ID STATE [--note TEXT] [--at TIME] [--override REASON] [--json]`: a workflow
 * move, refused with every reason; an override is recorded in the article's history.
 */
export async function moveCommand(
  dataDir: string,
  args: string[],
  options: { note?: string; at?: string; override?: string; json: boolean; systemUser?: string },
  io: CliIo,
): Promise<number> {
  const [id, state] = args
  if (!id || !state) throw new UsageError('move needs an article id and a state')
  if (!articleIdSchema.safeParse(id).success) throw new UsageError(`${id} is not an article id`)
  if (!articleStateSchema.safeParse(state).success) throw new UsageError(`unknown state: ${state}`)
  const desk = await openDesk({
    dataDir,
    purpose: 'midad move',
    systemUser: options.systemUser,
    spellingDictionary: projectDictionary,
    warn: (message) => io.err(`warning: ${message}`),
  })
  try {
    const api = cliDeskApi(desk)
    const at =
      options.at === undefined
        ? undefined
        : parseCliTime(options.at, valueOf(await api.settings.get()).timeZone)
    const from = valueOf(await api.articles.get(id)).state
    const moved = valueOf(
      await api.queue.move({
        id,
        to: state as ArticleState,
        note: options.note,
        at,
        override: options.override,
      }),
    )
    const override = moved.history.at(-1)?.override
    const done = {
      id,
      from,
      to: moved.state,
      at: moved.updatedAt,
      scheduledAt: moved.scheduledAt,
      ...(override ? { override } : {}),
    }
    io.out(options.json ? JSON.stringify(done, null, 2) : `${id}\t${from} → ${moved.state}`)
    return 0
  } finally {
    await desk.close()
  }
}
