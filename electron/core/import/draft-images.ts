import { reason } from '../../../shared/reasons.js'
import { posix } from 'node:path'
import type { Delta, DeltaOp } from '../../../shared/article.js'
import { imageKind, maxImageBytes } from '../media.js'
import type { DraftImage, ImportedDraft } from './draft.js'
import { isRelativePath } from './html-to-delta.js'

/** Reads an image a file links to by a relative path (decoded), or null where it cannot be. */
export type LinkedImageReader = (path: string) => Promise<Uint8Array | null>

/** Reads a linked image by its path as written in the file (`صور/a%20b.png?v=2`), decoded. */
async function readLinkedPath(
  src: string,
  readLinked: LinkedImageReader,
): Promise<{ bytes: Uint8Array; extension: string } | null> {
  let path: string
  try {
    path = decodeURIComponent(src.split(/[?#]/)[0] ?? '')
  } catch {
    return null
  }
  const bytes = path ? await readLinked(path) : null
  return bytes ? acceptedImage(bytes) : null
}

/** The bytes of a base64 data URL holding a PNG, JPEG, GIF or WebP image, else null. */
export function imageFromDataUrl(src: string): { bytes: Uint8Array; extension: string } | null {
  const match = /^data:image\/[a-z0-9.+-]+;base64,([a-z0-9+/=\s]+)$/i.exec(src)
  if (!match?.[1]) return null
  return acceptedImage(new Uint8Array(Buffer.from(match[1], 'base64')))
}

function acceptedImage(bytes: Uint8Array): { bytes: Uint8Array; extension: string } | null {
  if (bytes.length === 0 || bytes.length > maxImageBytes) return null
  const kind = imageKind(bytes)
  return kind ? { bytes, extension: kind.extension } : null
}

/**
 * Takes the images a body holds out into files (`image-1.png`, …), the body then naming them as
 * the editor does: data URLs from the file itself, relative paths through `readLinked` (the CLI
 * reads them beside the file; the desk's window sends a chosen folder's images along). What is
 * not a PNG, JPEG, GIF or WebP image of 15 MB at most, or cannot be read, is left out and counted.
 */
export async function takeImages(
  body: Delta,
  images: DraftImage[],
  readLinked?: LinkedImageReader,
): Promise<{ body: Delta; leftOut: number }> {
  let leftOut = 0
  let taken = 0
  const ops: DeltaOp[] = []
  for (const op of body.ops) {
    const src = typeof op.insert === 'string' ? null : op.insert.image
    if (typeof src !== 'string') {
      ops.push(op)
      continue
    }
    const image = src.startsWith('data:')
      ? imageFromDataUrl(src)
      : isRelativePath(src) && readLinked
        ? await readLinkedPath(src, readLinked)
        : null
    if (!image) {
      leftOut++
      continue
    }
    const file = `image-${++taken}.${image.extension}`
    images.push({ file, bytes: image.bytes })
    ops.push({ ...op, insert: { image: file } })
  }
  return { body: { ops }, leftOut }
}

/**
 * Stores the draft's body images as files and says how many were left out, counting those its
 * HTML already dropped (links to other sites).
 */
export async function settleImages(
  draft: ImportedDraft,
  readLinked?: LinkedImageReader,
): Promise<void> {
  let leftOut = draft.imagesLeftOut ?? 0
  if (draft.fields.body) {
    const images = draft.images ?? []
    const taken = await takeImages(draft.fields.body, images, readLinked)
    draft.fields.body = taken.body
    draft.images = images
    leftOut += taken.leftOut
  }
  const featured = draft.featuredSource
  if (featured) {
    const image = featured.src.startsWith('data:')
      ? imageFromDataUrl(featured.src)
      : isRelativePath(featured.src) && readLinked
        ? await readLinkedPath(featured.src, readLinked)
        : null
    if (image) {
      const file = `featured.${image.extension}`
      draft.images = [...(draft.images ?? []), { file, bytes: image.bytes }]
      draft.fields.featuredImage = { file, alt: featured.alt, caption: featured.caption }
    } else draft.warnings.push(reason('import-featured-outside'))
  }
  if (leftOut > 0) draft.warnings.push(reason('import-images-left-out', { count: leftOut }))
}

/**
 * Reads linked images from those sent along with a file (the desk's window sends a chosen
 * folder's images this way), by the path the file links to, relative to the file's own path.
 */
export function linkedAmong(
  attached: ReadonlyMap<string, Uint8Array>,
  fileName: string,
): LinkedImageReader {
  const name = fileName.replaceAll('\\', '/')
  const folder = posix.dirname(name)
  // The chosen folder is the first part of the file's path; nothing above it is read.
  const chosen = name.includes('/') ? `${name.split('/')[0]}/` : ''
  return async (path) => {
    const target = posix.normalize(posix.join(folder, path))
    if (target.startsWith('../') || !target.startsWith(chosen)) return null
    return attached.get(target) ?? null
  }
}
