import type { Delta, DeltaOp } from '../../../shared/article.js'
import { imageKind, maxImageBytes } from '../media.js'

/** An image a file carried inside it, to be stored beside the imported article. */
export interface DraftImage {
  /** The name the body (or the featured image) uses for it; unique within the draft. */
  file: string
  bytes: Uint8Array
}

/** The bytes of a base64 data URL holding a PNG, JPEG, GIF or WebP image, else null. */
export function imageFromDataUrl(src: string): { bytes: Uint8Array; extension: string } | null {
  const match = /^data:image\/[a-z0-9.+-]+;base64,([a-z0-9+/=\s]+)$/i.exec(src)
  if (!match?.[1]) return null
  const bytes = new Uint8Array(Buffer.from(match[1], 'base64'))
  if (bytes.length === 0 || bytes.length > maxImageBytes) return null
  const kind = imageKind(bytes)
  return kind ? { bytes, extension: kind.extension } : null
}

/**
 * Takes the images a body holds as data URLs out into files (`image-1.png`, …), the body then
 * naming them as the editor does. Images that are not PNG, JPEG, GIF or WebP, or over 15 MB,
 * are left out and counted.
 */
export function takeImages(
  body: Delta,
  images: DraftImage[] = [],
): { body: Delta; images: DraftImage[]; leftOut: number } {
  let leftOut = 0
  const ops: DeltaOp[] = []
  for (const op of body.ops) {
    const src = typeof op.insert === 'string' ? null : op.insert.image
    if (typeof src !== 'string') {
      ops.push(op)
      continue
    }
    const image = imageFromDataUrl(src)
    if (!image) {
      leftOut++
      continue
    }
    const file = `image-${images.length + 1}.${image.extension}`
    images.push({ file, bytes: image.bytes })
    ops.push({ ...op, insert: { image: file } })
  }
  return { body: { ops }, images, leftOut }
}
