import type { Article, ArticleFields, Transition } from '../../shared/article.js'
import { deltaToParagraphs, paragraphsToDelta } from '../../shared/delta.js'

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
    tags: [],
    slug: '',
    priority: 3,
    editorNote: '',
    ...definedOnly(fields),
    body,
    text: deltaToParagraphs(body),
    state: 'draft',
    visits: 0,
    comments: 0,
    history: [created],
  }
}

/** The article after an editor's changes: the next revision, its text derived again. */
export function applyChanges(
  article: Article,
  changes: Partial<ArticleFields>,
  stamp: Stamp,
): Article {
  const next: Article = {
    ...article,
    ...definedOnly(changes),
    revision: article.revision + 1,
    updatedAt: stamp.at.toISOString(),
  }
  next.text = deltaToParagraphs(next.body)
  return next
}

// IPC keeps `undefined` values that JSON would drop; an absent field must not erase one.
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>
}
