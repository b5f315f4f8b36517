import { reason } from '../../../shared/reasons.js'
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Article } from '../../../shared/article.js'
import { type ExportFormat, feedFileName } from '../../../shared/export-formats.js'
import type { Settings } from '../../../shared/settings.js'
import type { ExportResult, ExportedFile } from '../../../shared/transfer.js'
import { DeskFailure } from '../failure.js'
import type { MediaReader } from '../media.js'
import { writeFileAtomic } from '../storage/atomic-write.js'
import { jsonFeed, rssFeed } from './feeds.js'
import { refuseClashes, renderBundle, zipBundle } from './bundle.js'
import {
  type PdfPrinter,
  type RenderedFile,
  renderArticle,
  renderMarkdownWithImages,
} from './render-export.js'

/** What to export, and where. */
export interface ExportRequest {
  articles: Article[]
  formats: ExportFormat[]
  folder: string
  settings: Settings
  bundle?: boolean
  zip?: boolean
  now: Date
  onProgress?: (done: number, total: number) => void
  printPdf?: PdfPrinter
  media?: MediaReader
}

const utf8 = (text: string) => new TextEncoder().encode(text)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Every file of an export, rendered in memory. */
export async function renderExport(
  request: Omit<ExportRequest, 'folder' | 'bundle' | 'zip'>,
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = []
  const perArticle = request.formats.filter((format) => !feedFileName[format])
  const total = request.articles.length * perArticle.length
  let done = 0
  for (const article of request.articles) {
    for (const format of perArticle) {
      const rendered =
        format === 'markdown'
          ? await renderMarkdownWithImages(article, request.settings, request.media)
          : [
              await renderArticle(
                article,
                format,
                request.settings,
                request.printPdf,
                request.media,
              ),
            ]
      for (const file of rendered) files.push({ ...file, owner: article.id })
      request.onProgress?.(++done, total)
    }
  }
  if (request.formats.includes('jsonfeed')) {
    const feed = jsonFeed(request.articles, request.settings)
    files.push({
      fileName: 'feed.json',
      owner: 'feeds',
      mimeType: 'application/feed+json',
      bytes: utf8(`${JSON.stringify(feed, null, 2)}\n`),
    })
  }
  if (request.formats.includes('rss')) {
    files.push({
      fileName: 'feed.xml',
      owner: 'feeds',
      mimeType: 'application/rss+xml',
      bytes: utf8(rssFeed(request.articles, request.settings)),
    })
  }
  return files
}

/** A path for `name` inside `folder`, refusing anything that would land elsewhere. */
export function insideFolder(folder: string, name: string): string {
  const root = resolve(folder)
  const target = resolve(root, name)
  if (dirname(target) !== root || basename(target) !== name) {
    throw DeskFailure.of(
      'invalid-input',
      `refused to write «${name}» outside ${root}`,
      reason('export-outside-folder', { name }),
    )
  }
  return target
}

/** The export folder's record of which article each file was written for. */
const ownersFile = '.midad-export.json'

/** Who owns each file in an export folder, by the record an earlier export left there. */
async function readOwners(folder: string): Promise<Record<string, string>> {
  let text: string
  try {
    text = await readFile(join(folder, ownersFile), 'utf8')
  } catch {
    return {}
  }
  try {
    const parsed = JSON.parse(text) as { files?: Record<string, unknown> }
    return Object.fromEntries(
      Object.entries(parsed.files ?? {}).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    )
  } catch {
    // A damaged record is kept aside as it was, and this export starts a new one.
    await rename(join(folder, ownersFile), join(folder, `${ownersFile}.damaged`)).catch(() => {})
    return {}
  }
}

/**
 * Writes an export: each file atomically into the folder (an article's file replaces only its
 * own earlier export, and the folder's `.midad-export.json` says whose each file is, so another
 * article's file is never replaced); with `bundle`, into `bundle-<time>-<digest>/` with a
 * manifest; with `zip`, as `bundle-<time>-<digest>.zip`. Writing files changes no article.
 */
export async function writeExport(request: ExportRequest): Promise<ExportResult> {
  const rendered = await renderExport(request)
  refuseClashes(rendered)
  const folder = resolve(request.folder)
  await mkdir(folder, { recursive: true })
  if (!request.bundle && !request.zip) {
    const owners = await readOwners(folder)
    for (const file of rendered) {
      const owner = owners[file.fileName]
      if (owner && owner !== file.owner) {
        throw DeskFailure.of(
          'conflict',
          `${file.fileName} in the export folder was exported for ${owner}; it was not overwritten`,
          reason('export-name-taken', { name: file.fileName, owner }),
        )
      }
    }
    const files: ExportedFile[] = []
    for (const file of rendered) {
      const path = insideFolder(folder, file.fileName)
      await writeFileAtomic(path, file.bytes)
      if (file.owner) owners[file.fileName] = file.owner
      files.push({ path, bytes: file.bytes.length, sha256: sha256(file.bytes) })
    }
    // Written after the files: a crash between leaves files it does not list, never the reverse.
    const sorted = Object.fromEntries(Object.entries(owners).sort(([a], [b]) => a.localeCompare(b)))
    await writeFileAtomic(
      insideFolder(folder, ownersFile),
      utf8(`${JSON.stringify({ files: sorted }, null, 2)}\n`),
    )
    return { folder, files }
  }
  const bundle = await renderBundle(request, rendered)
  if (request.zip) {
    const zip = zipBundle(bundle)
    const path = insideFolder(folder, `${bundle.name}.zip`)
    await writeFileAtomic(path, zip)
    return { folder, files: [{ path, bytes: zip.length, sha256: sha256(zip) }] }
  }
  const bundleFolder = insideFolder(folder, bundle.name)
  await mkdir(bundleFolder, { recursive: true })
  const files: ExportedFile[] = []
  for (const [name, bytes] of bundle.contents) {
    const path = insideFolder(bundleFolder, name)
    await writeFileAtomic(path, bytes)
    files.push({ path, bytes: bytes.length, sha256: sha256(bytes) })
  }
  return { folder: bundleFolder, files }
}
