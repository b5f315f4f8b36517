import type { Article, ArticleState } from '../../../shared/article.js'
import { type ExportFormat, exportFormats } from '../../../shared/export-formats.js'
import { articleIdSchema, articleStateSchema } from '../../../shared/schemas.js'
import { writeExport } from '../../core/export/write-exports.js'
import { readMedia } from '../../core/media.js'
import { libraryLayout } from '../../core/storage/layout.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import { type CliIo, UsageError } from '../io.js'
import { join } from 'node:path'

/** Reads `--format a,b` into known formats, or throws a usage error naming the unknown one. */
export function parseFormats(list: string): ExportFormat[] {
  const formats = list
    .split(',')
    .map((format) => format.trim())
    .filter(Boolean)
  for (const format of formats) {
    if (!(exportFormats as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format: ${format} (formats: ${exportFormats.join(', ')})`)
    }
  }
  if (formats.length === 0) throw new UsageError('--format needs at least one format')
  return formats as ExportFormat[]
}

/**
 * `midad export ID...|--state STATE [--format F,…] [--out DIR] [--bundle] [--zip] [--json]`.
 * Reads the library without its lock and changes no article.
 */
export async function exportCommand(
  library: ReturnType<typeof openLibraryReader>,
  dataDir: string,
  ids: string[],
  options: {
    state?: string
    format?: string
    out?: string
    bundle: boolean
    zip: boolean
    json: boolean
  },
  io: CliIo,
  now: Date,
): Promise<number> {
  const settings = await library.settings()
  const formats = parseFormats(options.format ?? settings.exportFormats.join(','))
  if (formats.includes('pdf')) {
    io.err('midad: --format pdf needs the desktop app: it prints the preview with Electron')
    return 1
  }
  if (ids.length && options.state) throw new UsageError('give article ids or --state, not both')
  let wanted: string[] = ids
  if (options.state !== undefined) {
    const state = articleStateSchema.safeParse(options.state)
    if (!state.success) throw new UsageError(`unknown state: ${options.state}`)
    wanted = (await library.list())
      .filter((a) => a.state === (state.data as ArticleState))
      .map((a) => a.id)
    if (wanted.length === 0) io.err(`no article is in the state ${options.state}`)
  } else if (ids.length === 0) {
    throw new UsageError('export needs article ids or --state STATE')
  }
  for (const id of wanted) {
    if (!articleIdSchema.safeParse(id).success) throw new UsageError(`${id} is not an article id`)
  }
  const articles: Article[] = []
  for (const id of wanted) articles.push(await library.get(id))
  const result = articles.length
    ? await writeExport({
        articles,
        formats,
        folder: options.out ?? (settings.exportFolder || join(dataDir, 'exports')),
        settings,
        bundle: options.bundle,
        zip: options.zip,
        now,
        media: (articleId, file) => readMedia(libraryLayout(dataDir), articleId, file),
      })
    : { folder: options.out ?? '', files: [] }
  if (options.json) io.out(JSON.stringify(result, null, 2))
  else for (const file of result.files) io.out(file.path)
  return 0
}
