import { reason } from '../../shared/reasons.js'
import { maxImageBytes } from '../../shared/linked-images.js'
import { constants } from 'node:fs'
import { open, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { imageSize } from 'image-size'
import { articleIdSchema, mediaFileSchema } from '../../shared/schemas.js'
import { DeskFailure, errnoCode } from './failure.js'
import { writeFileAtomic } from './storage/atomic-write.js'
import type { LibraryLayout } from './storage/layout.js'
import { nodeFs, type StorageFs } from './storage/storage-fs.js'

/** Image kinds the library keeps, by the name image-size gives each. */
const kinds = [
  { name: 'png', extension: 'png', type: 'image/png' },
  { name: 'jpg', extension: 'jpg', type: 'image/jpeg' },
  { name: 'gif', extension: 'gif', type: 'image/gif' },
  { name: 'webp', extension: 'webp', type: 'image/webp' },
] as const

export { maxImageBytes }

/** The kind of an image from its bytes, or null when it is not one the library keeps. */
export function imageKind(bytes: Uint8Array): (typeof kinds)[number] | null {
  // Known by its bytes (image-size reads the header), never by the name it came with; bytes
  // that are no image of these kinds, or a broken header, are none.
  let found: string | undefined
  try {
    found = imageSize(bytes).type
  } catch {
    return null
  }
  return kinds.find((kind) => kind.name === found) ?? null
}

/** A media file name from an uploaded one: letters, digits, dots, dashes; the real extension. */
export function mediaFileName(uploaded: string, extension: string): string {
  const stem = uploaded
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60)
  return `${stem || 'image'}.${extension}`
}

/**
 * Copies an image into the library beside its article (`media/<id>/<file>`), never replacing
 * another image of the same name; gives back the stored file name.
 */
export async function addMedia(
  layout: LibraryLayout,
  articleId: string,
  uploadedName: string,
  bytes: Uint8Array,
  options: { fs?: StorageFs; tempDir?: string } = {},
): Promise<string> {
  const fs = options.fs ?? nodeFs
  if (bytes.length > maxImageBytes)
    throw DeskFailure.of(
      'invalid-input',
      'the image is over 15 MB',
      reason('image-too-large', { limit: 15 }),
    )
  const kind = imageKind(bytes)
  if (!kind)
    throw DeskFailure.of(
      'invalid-input',
      `${uploadedName} is not a PNG, JPEG, GIF or WebP image`,
      reason('image-unknown-kind', { file: uploadedName }),
    )
  const folder = layout.media(articleId)
  await fs.mkdir(folder, { recursive: true })
  const taken = new Set(await fs.readdir(folder))
  const wanted = mediaFileName(uploadedName, kind.extension)
  let file = wanted
  for (let n = 2; taken.has(file); n++) file = wanted.replace(/(\.[a-z]+)$/, `-${n}$1`)
  await writeFileAtomic(join(folder, file), bytes, fs, { tempDir: options.tempDir })
  return file
}

/** Reads one article's library image: how exports embed them. */
export type MediaReader = (
  articleId: string,
  file: string,
) => Promise<{ bytes: Uint8Array; type: string } | null>

/**
 * Reads a library image, or null when there is none by that name. Only a file that really is
 * in the library is read: a symbolic link (the file, or its article's folder) leads elsewhere,
 * so its real path is not the one the library gives, and it is not served.
 */
export async function readMedia(
  layout: LibraryLayout,
  articleId: string,
  file: string,
): Promise<{ bytes: Uint8Array; type: string } | null> {
  if (!articleIdSchema.safeParse(articleId).success || !mediaFileSchema.safeParse(file).success) {
    return null
  }
  try {
    const root = await realpath(layout.mediaRoot)
    const expected = join(root, articleId, file)
    if ((await realpath(join(layout.media(articleId), file))) !== expected) return null
    // Opened without following a link, so one swapped in after the check is not read either.
    const handle = await open(expected, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
    const bytes = await handle.readFile().finally(() => handle.close())
    const kind = imageKind(bytes)
    return kind ? { bytes, type: kind.type } : null
  } catch (error) {
    const code = errnoCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EISDIR')
      return null
    throw error
  }
}
