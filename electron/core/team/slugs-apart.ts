import type { Article } from '../../../shared/article.js'
import { uniqueSlug } from '../../../shared/slug.js'
import type { DeskContext } from '../desk-context.js'

/**
 * Two articles made apart on two desks may carry one slug (the same headline), and a slug is
 * unique in a library (design.md: an export replaces its own file, never another's). By one
 * rule every desk that holds both applies alike: the article created first keeps the slug
 * (the earlier `createdAt`, then the smaller id), the other takes the first free `-2`, `-3`.
 * Gives back the arriving article as it is to be written; when it is the first, the one that
 * held the slug here yields now, as a revision of its own.
 */
export async function slugsApart(context: DeskContext, arriving: Article): Promise<Article> {
  const { store } = context
  const ownerId = arriving.slug ? store.index.slugOwner(arriving.slug) : undefined
  if (!ownerId || ownerId === arriving.id || !store.has(ownerId)) return arriving
  const owner = await store.read(ownerId)
  const arrivingFirst =
    arriving.createdAt < owner.createdAt ||
    (arriving.createdAt === owner.createdAt && arriving.id < owner.id)
  if (!arrivingFirst)
    return { ...arriving, slug: uniqueSlug(arriving.slug, store.takenSlugs(arriving.id)) }
  const taken = store.takenSlugs(ownerId)
  const stamp = context.stamp()
  await store.write({
    ...owner,
    slug: uniqueSlug(arriving.slug, {
      has: (slug) => slug === arriving.slug || taken.has(slug),
    }),
    revision: owner.revision + 1,
    updatedAt: stamp.at.toISOString(),
    savedBy: stamp.by,
    event: 'synced',
  })
  return arriving
}
