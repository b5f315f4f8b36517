import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Article } from '../../../shared/article.js'
import { articleIdSchema, mediaFileSchema } from '../../../shared/schemas.js'
import { bodyImageFiles } from '../../../shared/render-html.js'
import type { DeskContext } from '../desk-context.js'
import { readMedia } from '../media.js'
import { writeFileAtomic } from '../storage/atomic-write.js'
import type { ReplicaDb } from './replica.js'
import { articleDocId } from './team-docs.js'
import type { TeamDesk } from './team-types.js'

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
 * An image of an arrived article, fetched when first shown (or exported): the article names
 * the sha256 of each file it shows; the `media:<sha256>` document comes from the replica when
 * this desk has it, else from the team's server, and is written into `media/<id>/` checked
 * against its sha256. Null when the article names no such file, or the picture cannot be had
 * now (offline: asked again the next time it is shown).
 */
export async function fetchTeamImage(
  context: DeskContext,
  team: TeamDesk,
  id: string,
  file: string,
): Promise<{ bytes: Uint8Array; type: string } | null> {
  const { layout } = context.store
  // A name from the team is a name like the desk's own, or nothing is written for it.
  if (!articleIdSchema.safeParse(id).success || !mediaFileSchema.safeParse(file).success)
    return null
  const doc = (await team.replica.get(articleDocId(id), {}).catch(() => null)) as {
    media?: Record<string, unknown>
  } | null
  const sha256 = doc?.media?.[file]
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return null
  const withBytes = { attachments: true, binary: true }
  type MediaDoc = { _attachments?: { image?: { data?: Uint8Array } } }
  const found = ((await team.replica.get(mediaDocId(sha256), withBytes).catch(() => null)) ??
    (await team.remote.get(mediaDocId(sha256), withBytes).catch(() => null))) as MediaDoc | null
  const bytes = found?._attachments?.image?.data
  if (!bytes) return null
  if (sha256Of(bytes) !== sha256) {
    context.warn(`the team's image ${file} of ${id} is not the picture its article names`)
    return null
  }
  await context.fs.mkdir(layout.media(id), { recursive: true })
  await writeFileAtomic(join(layout.media(id), file), bytes, context.fs, { tempDir: layout.temp })
  return readMedia(layout, id, file)
}
