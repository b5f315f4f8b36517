import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Article } from '../../../shared/article.js'
import { mediaFileSchema } from '../../../shared/schemas.js'
import { bodyImageFiles } from '../../../shared/render-html.js'
import type { DeskContext } from '../desk-context.js'
import { readMedia } from '../media.js'
import { writeFileAtomic } from '../storage/atomic-write.js'
import type { ReplicaDb } from './replica.js'

// An article's images on a team: each a `media:<sha256>` document with the image as its one
// attachment, so the same picture used twice is stored once and never conflicts (its id is
// its content). The article document names, for each file its fields show, the sha256 of it.

export const mediaDocId = (sha256: string) => `media:${sha256}`

/** The library files an article shows: its featured image and the body's images. */
export function mediaFilesOf(article: Article): string[] {
  const files = bodyImageFiles(article.body)
  const featured = article.featuredImage?.file
  return featured && !files.includes(featured) ? [featured, ...files] : files
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Puts the images of an article the replica lacks; gives back file name → sha256. */
export async function shareMedia(
  context: DeskContext,
  replica: ReplicaDb,
  article: Article,
): Promise<Record<string, string>> {
  const named: Record<string, string> = {}
  for (const file of mediaFilesOf(article)) {
    const found = await readMedia(context.store.layout, article.id, file)
    if (!found) continue
    const sha256 = sha256Of(found.bytes)
    named[file] = sha256
    if (
      await replica.get(mediaDocId(sha256)).then(
        () => true,
        () => false,
      )
    )
      continue
    await replica.put({
      _id: mediaDocId(sha256),
      type: 'media',
      sha256,
      bytes: found.bytes.length,
      _attachments: {
        image: { content_type: found.type, data: Buffer.from(found.bytes).toString('base64') },
      },
    })
  }
  return named
}

/**
 * Writes into `media/<id>/` the images an arrived article names and this desk lacks, each
 * checked against its sha256; one not arrived yet is said and tried at the next change.
 */
export async function fetchMedia(
  context: DeskContext,
  replica: ReplicaDb,
  id: string,
  named: Readonly<Record<string, string>>,
  warn: (message: string) => void,
): Promise<void> {
  const { layout } = context.store
  for (const [file, sha256] of Object.entries(named)) {
    // A name from the team is a name like the desk's own, or nothing is written for it.
    if (!mediaFileSchema.safeParse(file).success || !/^[0-9a-f]{64}$/.test(sha256)) {
      warn(
        `the team named an image ${JSON.stringify(file)} of ${id} that is not a library file name`,
      )
      continue
    }
    if (await readMedia(layout, id, file)) continue
    const doc = (await replica
      .get(mediaDocId(sha256), { attachments: true, binary: true })
      .catch(() => null)) as { _attachments?: { image?: { data?: Uint8Array } } } | null
    const bytes = doc?._attachments?.image?.data
    if (!bytes || sha256Of(bytes) !== sha256) {
      warn(`the image ${file} of ${id} has not arrived from the team yet`)
      continue
    }
    await context.fs.mkdir(layout.media(id), { recursive: true })
    await writeFileAtomic(join(layout.media(id), file), bytes, context.fs, { tempDir: layout.temp })
  }
}
