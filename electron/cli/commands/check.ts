import { readFile, stat } from 'node:fs/promises'
import { type ArticleFinding, articleFindings } from '../../../shared/article-check.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { styledParagraphs } from '../../../shared/house-style.js'
import { articleIdSchema } from '../../../shared/schemas.js'
import type { Settings } from '../../../shared/settings.js'
import { ImportError } from '../../core/import/draft.js'
import { readDraft } from '../../core/import/import-files.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import { type CliIo, UsageError } from '../io.js'
import type { DictionaryFiles } from '../../core/spelling/dictionary.js'
import { loadSpeller } from '../../core/spelling/speller.js'
import { projectDictionary } from '../../launch/build.js'

/** One finding as `midad check` prints it: the shape, and which article it is in. */
type Printed = ({ id: string } | { file: string }) & ArticleFinding

/** A file of any importable format, read as the importer would, never imported. */
async function fileArticle(path: string, settings: Settings) {
  try {
    const draft = await readDraft(
      { name: path, bytes: new Uint8Array(await readFile(path)) },
      settings.timeZone,
    )
    return { ...draft.fields, body: draft.fields.body ?? paragraphsToDelta([]) }
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(`${path}: ${error.message}`)
    throw error
  }
}

/** The spellchecker with the newsroom's words, unless the newsroom turned spelling off. */
async function spellingOf(settings: Settings, dictionary: DictionaryFiles) {
  if (settings.houseStyle.off.includes('spelling')) return undefined
  const speller = await loadSpeller(dictionary)
  speller.know(settings.newsroomWords)
  return (key: string) => speller.isMisspelled(key)
}

/**
 * `midad check FILE|ID... [--json]`: house style, spelling and the content profile over articles of the
 * library or files, as the desk's «التدقيق» tab shows them. Exit 1 when any finding is an error
 * (the content profile's always are), else 0, like a linter.
 */
export async function checkCommand(
  library: ReturnType<typeof openLibraryReader>,
  names: string[],
  json: boolean,
  io: CliIo,
  dictionary: DictionaryFiles = projectDictionary,
): Promise<number> {
  if (names.length === 0) throw new UsageError('check needs at least one article id or file')
  const settings = await library.settings()
  const misspelled = await spellingOf(settings, dictionary)
  const printed: Printed[] = []
  /** What each finding marks, for the text lines: a misspelled word says itself. */
  const found: string[] = []
  for (const name of names) {
    const isFile = (await stat(name).catch(() => null))?.isFile() ?? false
    if (!isFile && !articleIdSchema.safeParse(name).success)
      throw new UsageError(`${name} is neither a file nor an article id`)
    const article = isFile ? await fileArticle(name, settings) : await library.get(name)
    const texts = styledParagraphs(article)
    for (const f of articleFindings(article, settings, misspelled)) {
      printed.push({ ...(isFile ? { file: name } : { id: name }), ...f })
      found.push(f.length ? (texts[f.paragraph] ?? '').slice(f.offset, f.offset + f.length) : '')
    }
  }
  if (json) io.out(JSON.stringify(printed, null, 2))
  else {
    printed.forEach((f, i) => {
      const where = 'id' in f ? f.id : f.file
      const what = found[i]?.trim() ? `«${found[i]}» ` : ''
      const fix = f.suggestion !== undefined ? ` → «${f.suggestion}»` : ''
      io.out(
        `${where}:${f.paragraph}:${f.offset}\t${f.severity}\t${f.rule}\t${what}${f.message}${fix}`,
      )
    })
  }
  return printed.some((f) => f.severity === 'error') ? 1 : 0
}
