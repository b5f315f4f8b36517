import { articleIdSchema } from '../../../shared/schemas.js'
import type { DiffPart } from '../../../shared/revisions.js'
import { join } from 'node:path'
import { openDesk } from '../../core/desk.js'
import { Backups } from '../../core/storage/backups.js'
import { libraryLayout } from '../../core/storage/layout.js'
import { nodeFs } from '../../core/storage/storage-fs.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import { cliDeskApi, valueOf } from '../desk-api.js'
import { type CliIo, UsageError } from '../io.js'

type Command =
  | 'history'
  | 'diff'
  | 'restore'
  | 'trash'
  | 'untrash'
  | 'purge'
  | 'backup'
  | 'backups'
  | 'restore-backup'

const idOf = (text: string | undefined, command: string): string => {
  if (text === undefined) throw new UsageError(`${command} needs an article id`)
  if (!articleIdSchema.safeParse(text).success) throw new UsageError(`${text} is not an article id`)
  return text
}

const revisionOf = (text: string | undefined, command: string): number => {
  const revision = Number(text)
  if (!text || !Number.isInteger(revision) || revision < 1)
    throw new UsageError(`${command} needs revision numbers (as midad history gives them)`)
  return revision
}

/** A diff on a terminal: deletions as [-…-], insertions as {+…+}, the rest as it is. */
const diffLine = (parts: DiffPart[]) =>
  parts
    .map((p) => (p.op === 'equal' ? p.text : p.op === 'insert' ? `{+${p.text}+}` : `[-${p.text}-]`))
    .join('')

/**
 * Going back from the command line: `history`, `diff` and `trash --list` read without the lock
 * (as the other reading commands); `restore`, `trash`, `untrash` and `purge` write through the
 * desk's contract, as the window does.
 */
export async function historyCommand(
  command: Command,
  args: string[],
  options: {
    library: ReturnType<typeof openLibraryReader>
    dataDir: string
    json: boolean
    list: boolean
    yes: boolean
  },
  io: CliIo,
): Promise<number> {
  const { library, json } = options
  const print = (value: unknown, line: () => string) =>
    io.out(json ? JSON.stringify(value, null, 2) : line())
  if (command === 'history') {
    if (args.length > 1) throw new UsageError('history takes one article id')
    const entries = await library.history(idOf(args[0], command))
    print(entries, () =>
      entries
        .map((e) => `${e.revision}\t${e.at}\t${e.by}\t${e.state}\t${e.words}\t${e.event}`)
        .join('\n'),
    )
    return 0
  }
  if (command === 'diff') {
    if (args.length !== 3) throw new UsageError('diff needs an article id and two revisions')
    const parts = await library.diff(
      idOf(args[0], command),
      revisionOf(args[1], command),
      revisionOf(args[2], command),
    )
    print(parts, () => diffLine(parts))
    return 0
  }
  if (command === 'backups') {
    if (args.length) throw new UsageError('backups takes no arguments')
    const found = await new Backups(libraryLayout(options.dataDir), () => new Date(), nodeFs).list()
    print(found, () => found.map((b) => `${b.name}\t${b.at}\t${b.bytes}\t${b.articles}`).join('\n'))
    return 0
  }
  if (command === 'trash' && options.list) {
    if (args.length) throw new UsageError('trash --list takes no article ids')
    const trashed = await library.trashed()
    print(trashed, () => trashed.map((t) => `${t.id}\t${t.trashedAt}\t${t.headline}`).join('\n'))
    return 0
  }
  const ids =
    command === 'backup' || command === 'restore-backup'
      ? []
      : command === 'restore'
        ? [idOf(args[0], command)]
        : args.map((a) => idOf(a, command))
  if (command === 'backup' && args.length) throw new UsageError('backup takes no arguments')
  if (command === 'restore-backup') {
    if (args.length !== 1) throw new UsageError('restore-backup needs one backup name')
    if (!options.yes)
      throw new UsageError('restore-backup replaces the library (backed up first): add --yes')
  } else if (command !== 'backup' && ids.length === 0)
    throw new UsageError(`${command} needs at least one article id`)
  if (command === 'purge' && !options.yes)
    throw new UsageError('purge removes articles for good: add --yes to say so')
  const desk = await openDesk({
    dataDir: options.dataDir,
    purpose: `midad ${command}`,
    systemUser: io.systemUser,
    warn: (message) => io.err(`warning: ${message}`),
  })
  try {
    const api = cliDeskApi(desk)
    if (command === 'backup') {
      const made = valueOf(await api.backups.create())
      const path = join(options.dataDir, 'backups', made.name)
      print({ ...made, path }, () => path)
      return 0
    }
    if (command === 'restore-backup') {
      // The desk's own path, as the window's: the lock held, the library opened again after.
      const done = valueOf(await api.backups.restore(args[0]!))
      io.err(`the library as it was is in backups/${done.before}`)
      print(done, () => done.restored)
      return 0
    }
    if (command === 'restore') {
      if (args.length !== 2) throw new UsageError('restore needs an article id and a revision')
      const restored = valueOf(
        await api.revisions.restore({ id: ids[0]!, revision: revisionOf(args[1], command) }),
      )
      print({ id: restored.id, revision: restored.revision }, () => String(restored.revision))
      return 0
    }
    if (command === 'purge') {
      const { purged } = valueOf(await api.trash.purge({ ids }))
      print({ purged }, () => purged.join('\n'))
      return 0
    }
    const done: string[] = []
    for (const id of ids) {
      if (command === 'trash') valueOf(await api.articles.trash(id))
      else valueOf(await api.trash.restore(id))
      done.push(id)
    }
    print(command === 'trash' ? { trashed: done } : { restored: done }, () => done.join('\n'))
    return 0
  } finally {
    await desk.close()
  }
}
