import { readFile, stat } from 'node:fs/promises'
import { type ArticleFinding, articleFindings } from '../../../shared/article-check.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { articleIdSchema } from '../../../shared/schemas.js'
import type { Settings } from '../../../shared/settings.js'
import { ImportError } from '../../core/import/draft.js'
import { readDraft } from '../../core/import/import-files.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import { type CliIo, UsageError } from '../io.js'

/** One finding as `midad check` prints it: the shape, and which article it is in. */
type Printed = ({ id: string } | { file: string }) & ArticleFinding

/** Findings in a file of any importable format, read as the importer would, never imported. */
async function fileFindings(path: string, settings: Settings): Promise<ArticleFinding[]> {
  const draft = await readDraft(
    { name: path, bytes: new Uint8Array(await readFile(path)) },
    settings.timeZone,
  )
  const body = draft.fields.body ?? paragraphsToDelta([])
  return articleFindings({ ...draft.fields, body }, settings)
}

/**
 * `midad check FILE|ID... [--json]`: house style and the content profile over articles of the
 * library or files, as the desk's «التدقيق» tab shows them. Exit 1 when any finding is an error
 * (the content profile's always are), else 0, like a linter.
 */
export async function checkCommand(
  library: ReturnType<typeof openLibraryReader>,
  names: string[],
  json: boolean,
  io: CliIo,
): Promise<number> {
  if (names.length === 0) throw new UsageError('check needs at least one article id or file')
  const settings = await library.settings()
  const printed: Printed[] = []
  for (const name of names) {
    const isFile = (await stat(name).catch(() => null))?.isFile() ?? false
    if (isFile) {
      try {
        for (const f of await fileFindings(name, settings)) printed.push({ file: name, ...f })
      } catch (error) {
        if (error instanceof ImportError) throw new UsageError(`${name}: ${error.message}`)
        throw error
      }
    } else if (articleIdSchema.safeParse(name).success) {
      const article = await library.get(name)
      for (const f of articleFindings(article, settings)) printed.push({ id: name, ...f })
    } else {
      throw new UsageError(`${name} is neither a file nor an article id`)
    }
  }
  if (json) io.out(JSON.stringify(printed, null, 2))
  else {
    for (const f of printed) {
      const where = 'id' in f ? f.id : f.file
      const fix = f.suggestion !== undefined ? ` → «${f.suggestion}»` : ''
      io.out(`${where}:${f.paragraph}:${f.offset}\t${f.severity}\t${f.rule}\t${f.message}${fix}`)
    }
  }
  return printed.some((f) => f.severity === 'error') ? 1 : 0
}
