import { createHash } from 'node:crypto'
import { zipSync } from 'fflate'
import { reason } from '../../../shared/reasons.js'
import { DeskFailure } from '../failure.js'
import { exportImageName } from './article-views.js'
import type { RenderedFile } from './render-export.js'
import type { Article } from '../../../shared/article.js'
import type { ExportFormat } from '../../../shared/export-formats.js'
import type { MediaReader } from '../media.js'

/** What a bundle is made from: the articles, formats and media of an export. */
export interface BundleRequest {
  articles: Article[]
  formats: ExportFormat[]
  media?: MediaReader
}

/** A bundle in memory: its name, and each file by its name inside it (with its manifest). */
export interface Bundle {
  name: string
  time: Date
  contents: [string, Uint8Array][]
}

const utf8 = (text: string) => new TextEncoder().encode(text)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Refuses an export in which two files would have one name. */
export function refuseClashes(rendered: RenderedFile[]): void {
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
}

/** The rendered files with the featured images and a manifest, named by what they hold. */
export async function renderBundle(
  request: BundleRequest,
  rendered: RenderedFile[],
): Promise<Bundle> {
  const names = new Set(rendered.map((file) => file.fileName))
  const files = [...rendered, ...(await bundleImages(request, names))]
  const manifest = {
    files: files.map((file) => ({
      path: file.fileName,
      bytes: file.bytes.length,
      sha256: sha256(file.bytes),
    })),
  }
  return {
    name: `bundle-${contentStamp(request)}`,
    time: newestRevision(request),
    contents: [
      ...files.map((file): [string, Uint8Array] => [file.fileName, file.bytes]),
      ['manifest.json', utf8(`${JSON.stringify(manifest, null, 2)}\n`)],
    ],
  }
}

/**
 * A bundle as a zip: Unix as the maker (UnZip then takes the UTF-8 names as they are, not as
 * MS-DOS code pages), and the newest revision's time on every entry: the same revisions, the
 * same zip.
 */
export function zipBundle(bundle: Bundle): Uint8Array {
  return zipSync(
    Object.fromEntries(bundle.contents.map(([name, bytes]) => [`${bundle.name}/${name}`, bytes])),
    { mtime: bundle.time, os: 3, attrs: 0o644 << 16 },
  )
}

/** Each article's featured image, for a bundle: `<slug>-<file>` beside the article's files. */
async function bundleImages(request: BundleRequest, names: Set<string>): Promise<RenderedFile[]> {
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

/** The newest save among the exported articles: what a bundle's name and times come from. */
function newestRevision(request: BundleRequest): Date {
  const times = request.articles.map((article) => Date.parse(article.updatedAt))
  return new Date(Math.max(...times.filter((time) => !Number.isNaN(time)), 0))
}

/**
 * A bundle's name from what it holds: the newest revision's time and a digest of the articles'
 * ids, revisions and the formats, so the same export gives the same name and bytes, and a
 * different one never takes its name.
 */
function contentStamp(request: BundleRequest): string {
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
