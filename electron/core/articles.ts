import type { RevisionEvent } from '../../shared/revisions.js'
import type { Article, ArticleFields, Transition } from '../../shared/article.js'
import { deltaToParagraphs, paragraphsToDelta } from '../../shared/delta.js'
import { slugify, uniqueSlug } from '../../shared/slug.js'

/** Who and when, for a change the desk records. */
export interface Stamp {
  at: Date
  by: string
}

/** A new draft with the given fields; every other field has its newsroom default. */
export function newArticle(id: string, fields: Partial<ArticleFields>, stamp: Stamp): Article {
  const at = stamp.at.toISOString()
  const created: Transition = { from: null, to: 'draft', at, by: stamp.by, note: '' }
  const body = fields.body ?? paragraphsToDelta([])
  return {
    id,
    revision: 1,
    createdAt: at,
    updatedAt: at,
    headline: '',
    kicker: '',
    summary: '',
    section: '',
    byline: '',
    source: '',
    place: '',
    publishedAt: null,
    slug: '',
    priority: 3,
    editorNote: '',
    featuredImage: null,
    ...definedOnly(fields),
    tags: normalizeTags(fields.tags ?? []),
    body,
    text: deltaToParagraphs(body),
    state: 'draft',
    visits: 0,
    comments: 0,
    history: [created],
    scheduledAt: null,
    publishError: null,
    event: 'created',
    savedBy: stamp.by,
  }
}

/** The article after an editor's changes: the next revision, its text derived again. */
export function applyChanges(
  article: Article,
  changes: Partial<ArticleFields>,
  stamp: Stamp,
  event: RevisionEvent = 'edited',
): Article {
  const next: Article = {
    ...article,
    ...definedOnly(changes),
    revision: article.revision + 1,
    updatedAt: stamp.at.toISOString(),
    event,
    savedBy: stamp.by,
  }
  next.text = deltaToParagraphs(next.body)
  if (changes.tags) next.tags = normalizeTags(changes.tags)
  return next
}

/** Tags trimmed, inner spaces folded, empty ones and repeats dropped, order kept. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const tag of tags) {
    const clean = tag.replace(/[\s\u00a0]+/gu, ' ').trim()
    const key = clean.toLocaleLowerCase('ar')
    if (clean && !seen.has(key)) {
      seen.add(key)
      out.push(clean)
    }
  }
  return out
}

// IPC keeps `undefined` values that JSON would drop; an absent field must not erase one.
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>
}

/** Whether a slug is the one derived from a headline (possibly with a -2, -3 suffix). */
function derivedFrom(slug: string, headline: string): boolean {
  const base = slugify(headline)
  if (slug === base) return true
  return slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1))
}

/**
 * The article's slug after a change: an editor's own slug is kept (normalised); otherwise the
 * slug follows the headline. Either way it is unique among `taken`.
 */
export function assignSlug(
  next: Article,
  previous: Pick<Article, 'slug' | 'headline'> | null,
  slugGiven: boolean,
  taken: { has(slug: string): boolean },
): string {
  if (slugGiven) {
    const wanted = slugify(next.slug)
    return wanted ? uniqueSlug(wanted, taken) : ''
  }
  const follows = !previous || previous.slug === '' || derivedFrom(previous.slug, previous.headline)
  if (!follows) return next.slug
  const base = slugify(next.headline)
  if (!base) return ''
  return previous && derivedFrom(previous.slug, next.headline) && !taken.has(previous.slug)
    ? previous.slug
    : uniqueSlug(base, taken)
}
