import { mkdir } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { resolveDataDir } from '../core/data-dir.js'
import { DeskFailure } from '../core/failure.js'
import { type CliIo, UsageError, exitCode } from './io.js'

/** What `midad --help` and every usage error print. */
export const usage = `usage: midad <command> [options]

commands:
  list [--json]          the library, newest first
  show ID [--json]       one article as stored
  import PATH... [--allow-duplicates] [--json]
                         import site text (.txt), HTML, Markdown and DOCX files or folders
  export ID...|--state STATE [--format F,F] [--out DIR] [--bundle] [--zip] [--json]
                         export articles: text, html, ninjs, markdown, docx, jsonfeed, rss
  move ID STATE [--note TEXT] [--at TIME] [--override REASON] [--json]
                         move an article through the workflow (states: draft, in_review, ready,
                         scheduled, exported, corrected, withdrawn); --at for scheduled, in the
                         newsroom's time zone unless it carries an offset; --override: to ready
                         despite house-style findings at the threshold (kept in its history)
  queue [--json]         the publishing queue in board order, missed schedules marked
  check FILE|ID... [--json]
                         house style and the content rules, in articles or in files of any
                         importable format (not imported): rule, paragraph (0 the headline),
                         offset, length, severity, message, fix; exit 1 when any is an error
  search WORDS [--limit N] [--section S] [--state S] [--tag T] [--byline B]
         [--from DAY] [--to DAY] [--newest] [--json]
                         the first N (20) ranked articles holding every word, a quoted phrase
                         together (diacritics, letter forms, digit systems and the clitics
                         و ف ب ك ل ال ignored); days as YYYY-MM-DD
  history ID [--json]    the kept revisions, newest first: revision, time, editor, state,
                         words, what happened (created, edited, moved, imported, restored)
  diff ID FROM TO [--json]
                         the word diff of two revisions (headline, then paragraphs)
  restore ID REVISION [--json]
                         a new revision equal to REVISION; prints its number
  trash ID...            move articles to the trash;  trash --list [--json]: what is in it
  untrash ID...          bring trashed articles back into the library
  purge ID... --yes      remove trashed articles for good (revisions and images too)
  backup [--json]        a whole copy of the library in backups/; prints its path
  backups [--json]       the backups there are, newest first: name, time, bytes
  restore-backup NAME --yes
                         the library replaced by a backup (the library as it was is backed up
                         first); the desk must be closed
  team join URL [--user NAME] [--json]
                         join the team database at URL (created when missing); with --user,
                         the password from MIDAD_TEAM_PASSWORD or asked
  team sync [--json]     one push and pull now: pushed, pulled, conflicts
  team conflicts [--json]
                         what only an editor can settle: id, field, mine, theirs, at
  team resolve ID [FIELD=mine|theirs]... [--state STATE] [--json]
                         choose in an article's conflicts (--state for moves made apart)
  team status [--json]   the team, the server online or not, the last sync, open conflicts
  team leave [--yes]     a single desk again (the files keep every article); --yes: even
                         when the last changes cannot reach the server

options (anywhere on the line):
  --data DIR             the data dir (else MIDAD_DATA_DIR, else the platform's default)
  --json                 print exactly one JSON document on stdout
  --help                 this text`

/** Runs one CLI invocation and gives back its exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        'allow-duplicates': { type: 'boolean', default: false },
        format: { type: 'string' },
        out: { type: 'string' },
        state: { type: 'string' },
        bundle: { type: 'boolean', default: false },
        zip: { type: 'boolean', default: false },
        note: { type: 'string' },
        at: { type: 'string' },
        override: { type: 'string' },
        limit: { type: 'string' },
        section: { type: 'string' },
        tag: { type: 'string' },
        byline: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        newest: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        user: { type: 'string' },
      },
    })
    const [command, ...rest] = positionals
    if (values.help) {
      io.out(usage)
      return exitCode.ok
    }
    const dataDir = resolveDataDir(values.data, io)
    await mkdir(dataDir, { recursive: true })
    // Each command's code is loaded when it runs: `midad --help` loads none of it.
    const { openLibraryReader } = await import('../core/library-reader.js')
    const library = openLibraryReader(dataDir, (message) => io.err(`warning: ${message}`))
    const json = values.json ?? false
    switch (command) {
      case 'list':
        expectNoMore(rest)
        return await (await import('./commands/list.js')).listCommand(library, json, io)
      case 'show':
        expectNoMore(rest.slice(1))
        return await (await import('./commands/show.js')).showCommand(library, rest[0], json, io)
      case 'import':
        return await (
          await import('./commands/import.js')
        ).importCommand(
          dataDir,
          rest,
          { json, allowDuplicates: values['allow-duplicates'] ?? false, systemUser: io.systemUser },
          io,
        )
      case 'export':
        return await (
          await import('./commands/export.js')
        ).exportCommand(
          library,
          dataDir,
          rest,
          {
            state: values.state,
            format: values.format,
            out: values.out,
            bundle: values.bundle ?? false,
            zip: values.zip ?? false,
            json,
          },
          io,
          io.now(),
        )
      case 'move':
        return await (
          await import('./commands/move.js')
        ).moveCommand(
          dataDir,
          rest,
          {
            note: values.note,
            at: values.at,
            override: values.override,
            json,
            systemUser: io.systemUser,
          },
          io,
        )
      case 'search':
        return await (
          await import('./commands/search.js')
        ).searchCommand(
          library,
          rest,
          {
            limit: values.limit,
            section: values.section,
            state: values.state,
            tag: values.tag,
            byline: values.byline,
            from: values.from,
            to: values.to,
            newest: values.newest ?? false,
          },
          json,
          io,
        )
      case 'check':
        return await (await import('./commands/check.js')).checkCommand(library, rest, json, io)
      case 'queue':
        expectNoMore(rest)
        return await (await import('./commands/queue.js')).queueCommand(library, json, io)
      case 'history':
      case 'diff':
      case 'restore':
      case 'trash':
      case 'untrash':
      case 'purge':
      case 'backup':
      case 'backups':
      case 'restore-backup':
        return await (
          await import('./commands/history.js')
        ).historyCommand(
          command,
          rest,
          { library, dataDir, json, list: values.list ?? false, yes: values.yes ?? false },
          io,
        )
      case 'team':
        return await (
          await import('./commands/team.js')
        ).teamCommand(
          dataDir,
          rest,
          {
            json,
            user: values.user,
            state: values.state,
            yes: values.yes ?? false,
            systemUser: io.systemUser,
          },
          io,
        )
      case undefined:
        throw new UsageError('no command given')
      default:
        throw new UsageError(`unknown command: ${command}`)
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`midad: ${(error as Error).message}`)
      io.err(usage)
      return exitCode.usage
    }
    if (error instanceof DeskFailure) {
      io.err(`midad: ${error.message}`)
      for (const reason of error.reasons ?? []) io.err(reason)
      return exitCode.failure
    }
    io.err(`midad: ${(error as Error).message ?? String(error)}`)
    return exitCode.failure
  }
}

function expectNoMore(extra: string[]): void {
  if (extra.length) throw new UsageError(`unexpected argument: ${extra.join(' ')}`)
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}
