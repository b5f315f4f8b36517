import { teamFields } from '../../../shared/team.js'
import type { Article, ArticleState, ReviewNote, Transition } from '../../../shared/article.js'

// The documents a team database holds, made to merge (issue #18): one per article, with the
// revision each field last changed in; workflow moves and review notes each their own
// append-only document, so what two desks did offline is all kept.

/** What CouchDB keeps of a document's ancestry: `start` is the newest generation. */
export interface RevisionPath {
  start: number
  ids: string[]
}

/** The fields every desk shares and merges one by one. */
export const sharedFields = [...teamFields, 'trashed'] as const

export type SharedField = (typeof sharedFields)[number]

/** The shared fields' values. */
export type SharedValues = Pick<Article, Exclude<SharedField, 'trashed'>> & { trashed: boolean }

/** `article:<id>`: an article's shared fields and, for each, the revision it last changed in. */
export interface ArticleDoc {
  _id: string
  _rev?: string
  _revisions?: RevisionPath
  _conflicts?: string[]
  _deleted?: boolean
  type: 'article'
  id: string
  createdAt: string
  updatedAt: string
  savedBy: string
  /** The desk that wrote this revision ('' for a merge, which every desk writes alike). */
  desk: string
  fields: SharedValues
  changedIn: Record<SharedField, string>
  /** Each image file the fields show, and the sha256 of its `media:` document. */
  media?: Record<string, string>
}

/** `transition:<article>:<hash>`: one workflow move, after the moves its desk had seen. */
export interface TransitionDoc {
  _id: string
  _rev?: string
  type: 'transition'
  article: string
  from: ArticleState | null
  to: ArticleState
  at: string
  by: string
  note: string
  override?: { reason: string; findings: number }
  /** The desk the move was made on. */
  desk: string
  /** The moves this one followed: the heads of the article's moves when it was made. */
  after: string[]
}

/** `note:<article>:<note id>`: one review note; resolving it is the only change it takes. */
export interface NoteDoc {
  _id: string
  _rev?: string
  _conflicts?: string[]
  type: 'note'
  article: string
  note: ReviewNote
}

export type TeamDoc = ArticleDoc | TransitionDoc | NoteDoc

export const articleDocId = (id: string) => `article:${id}`
export const noteDocId = (article: string, note: string) => `note:${article}:${note}`
export const transitionPrefix = (article: string) => `transition:${article}:`

/** The article a document belongs to, from its id; null for documents of no article. */
export function articleOfDocId(docId: string): string | null {
  const match = /^(?:article|note|transition):([^:]+)/.exec(docId)
  return match?.[1] ?? null
}

/** An article's shared values, as the files hold them. */
export function sharedValuesOf(article: Article, trashed: boolean): SharedValues {
  const values = Object.fromEntries(teamFields.map((field) => [field, article[field]]))
  return { ...(values as Omit<SharedValues, 'trashed'>), trashed }
}

/** A transition of a file's history as its document (its id is made from what it says). */
export function transitionDoc(
  article: string,
  move: Transition,
  id: string,
  after: string[],
  desk: string,
): TransitionDoc {
  return {
    _id: id,
    type: 'transition',
    article,
    from: move.from,
    to: move.to,
    at: move.at,
    by: move.by,
    note: move.note,
    ...(move.override ? { override: move.override } : {}),
    desk,
    after: [...after].sort(),
  }
}

/** A transition document as the article's history records it. */
export function transitionOf(doc: TransitionDoc): Transition {
  return {
    from: doc.from,
    to: doc.to,
    at: doc.at,
    by: doc.by,
    note: doc.note,
    ...(doc.override ? { override: doc.override } : {}),
  }
}
