import { reason } from '../../../shared/reasons.js'
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { zipSync } from 'fflate'
import type { Article } from '../../../shared/article.js'
import { type ExportFormat, feedFileName } from '../../../shared/export-formats.js'
import type { Settings } from '../../../shared/settings.js'
import type { ExportResult, ExportedFile } from '../../../shared/transfer.js'
import { DeskFailure } from '../failure.js'
import type { MediaReader } from '../media.js'
import { writeFileAtomic } from '../storage/atomic-write.js'
import { exportImageName } from './article-views.js'
import { jsonFeed, rssFeed } from './feeds.js'
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
export async function renderExport(request: ExportRequest): Promise<RenderedFile[]> {
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

/** Each article's featured image, for a bundle: `<slug>-<file>` beside the article's files. */
async function bundleImages(request: ExportRequest, names: Set<string>): Promise<RenderedFile[]> {
  const images: RenderedFile[] = []
  for (const article of request.articles) {
    const image = article.featuredImage
    const found = image && request.media ? await request.media(article.id, image.file) : null
    if (!image || !found) continue
    const fileName = exportImageName(article, image.file)
    if (names.has(fileName)) continue
    names.add(fileName)
    images.push({ fileName, mimeType: found.type, bytes: found.bytes })
  }
  return images
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

/** The newest save among the exported articles: what a bundle's name and times come from. */
function newestRevision(request: ExportRequest): Date {
  const times = request.articles.map((article) => Date.parse(article.updatedAt))
  return new Date(Math.max(...times.filter((time) => !Number.isNaN(time)), 0))
}

/**
 * A bundle's name from what it holds: the newest revision's time and a digest of the articles'
 * ids, revisions and the formats, so the same export gives the same name and bytes, and a
 * different one never takes its name.
 */
function contentStamp(request: ExportRequest): string {
  const what = [
    ...request.articles.map((article) => `${article.id}:${article.revision}`),
    ...request.formats,
  ].join('\n')
  return `${stamp(newestRevision(request))}-${createHash('sha256').update(what).digest('hex').slice(0, 8)}`
}

const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

/**
 * Writes an export: each file atomically into the folder (an article's file replaces only its
 * own earlier export, and the folder's `.midad-export.json` says whose each file is, so another
 * article's file is never replaced); with `bundle`, into `bundle-<time>-<digest>/` with a
 * manifest; with `zip`, as `bundle-<time>-<digest>.zip`. Writing files changes no article.
 */
export async function writeExport(request: ExportRequest): Promise<ExportResult> {
  const rendered = await renderExport(request)
  const names = new Set<string>()
  for (const file of rendered) {
    if (names.has(file.fileName)) {
      throw DeskFailure.of(
        'conflict',
        `two exported files would both be named ${file.fileName}`,
        reason('export-names-clash', { name: file.fileName }),
      )
    }
    names.add(file.fileName)
  }
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
  const bundleName = `bundle-${contentStamp(request)}`
  rendered.push(...(await bundleImages(request, names)))
  const manifest = {
    files: rendered.map((file) => ({
      path: file.fileName,
      bytes: file.bytes.length,
      sha256: sha256(file.bytes),
    })),
  }
  const contents: [string, Uint8Array][] = [
    ...rendered.map((file): [string, Uint8Array] => [file.fileName, file.bytes]),
    ['manifest.json', utf8(`${JSON.stringify(manifest, null, 2)}\n`)],
  ]
  if (request.zip) {
    // Unix as the maker (UnZip then takes the UTF-8 names as they are, not as MS-DOS code
    // pages), and the newest revision's time on every entry: the same revisions, the same zip.
    const zip = zipSync(
      Object.fromEntries(contents.map(([name, bytes]) => [`${bundleName}/${name}`, bytes])),
      { mtime: newestRevision(request), os: 3, attrs: 0o644 << 16 },
    )
    const path = insideFolder(folder, `${bundleName}.zip`)
    await writeFileAtomic(path, zip)
    return { folder, files: [{ path, bytes: zip.length, sha256: sha256(zip) }] }
  }
  const bundleFolder = insideFolder(folder, bundleName)
  await mkdir(bundleFolder, { recursive: true })
  const files: ExportedFile[] = []
  for (const [name, bytes] of contents) {
    const path = insideFolder(bundleFolder, name)
    await writeFileAtomic(path, bytes)
    files.push({ path, bytes: bytes.length, sha256: sha256(bytes) })
  }
  return { folder: bundleFolder, files }
}
