import type { RevisionEvent } from './revisions.js'
/** Workflow states of an article (design.md, Workflow). */
export const articleStates = [
  'draft',
  'in_review',
  'ready',
  'scheduled',
  'exported',
  'corrected',
  'withdrawn',
] as const

/** One workflow state. */
export type ArticleState = (typeof articleStates)[number]

/** Inline and line attributes Quill may put on an op. */
export type DeltaAttributes = Record<string, string | number | boolean | null>

/** One Quill Delta insert op: text, or an embed such as an image. */
export interface DeltaOp {
  insert: string | Record<string, unknown>
  attributes?: DeltaAttributes
}

/** The canonical body of an article: a Quill Delta of inserts only (a document). */
export interface Delta {
  ops: DeltaOp[]
}

/** A reviewer's note on the whole article or on one paragraph. */
export interface ReviewNote {
  id: string
  /** The paragraph (0-based) and its opening words when the note was made; null: the whole. */
  anchor: { paragraph: number; quote: string } | null
  text: string
  by: string
  at: string
  resolvedAt: string | null
  resolvedBy: string | null
}

/** One recorded workflow move. */
export interface Transition {
  from: ArticleState | null
  to: ArticleState
  at: string
  by: string
  note: string
  /** A move to ready made despite house-style findings: why, and how many there were. */
  override?: { reason: string; findings: number }
}

/** An image of the library (`media/<article id>/<file>`), with its caption and alt text. */
export interface LibraryImage {
  file: string
  caption: string
  alt: string
}

/** The fields an editor writes; everything else the desk keeps. */
export interface ArticleFields {
  headline: string
  kicker: string
  summary: string
  section: string
  byline: string
  source: string
  place: string
  /** The site's "date added", ISO 8601 UTC, or null until set. */
  publishedAt: string | null
  tags: string[]
  slug: string
  /** 1 (highest) … 6, as IPTC urgency. */
  priority: number
  editorNote: string
  featuredImage: LibraryImage | null
  body: Delta
}

/** An article as stored in `articles/<id>.json`. */
export interface Article extends ArticleFields {
  id: string
  /** Increases by one on every save; a save names the revision it was based on. */
  revision: number
  createdAt: string
  updatedAt: string
  state: ArticleState
  /** The site's reader figures: kept from an import, never edited by hand. */
  visits: number
  comments: number
  /** The body's plain paragraphs, derived from `body` on every save. */
  text: string[]
  history: Transition[]
  /** When a scheduled article is to be published, ISO 8601 UTC; null unless scheduled. */
  scheduledAt: string | null
  /** Why its last publication failed (export error, or the desk was closed at the time). */
  publishError: string | null
  /** Review notes; adding or resolving one does not change the article's revision. */
  notes?: ReviewNote[]
  /** What made this revision (files from before there was one read as an edit). */
  event?: RevisionEvent
  /** Who made this revision. */
  savedBy?: string
}

/** One row of the library index (`library.json`). */
export interface ArticleSummary {
  id: string
  headline: string
  section: string
  state: ArticleState
  byline: string
  slug: string
  publishedAt: string | null
  updatedAt: string
  priority: number
  scheduledAt: string | null
  publishError: string | null
}

/** The index row of an article. */
export function summarize(article: Article): ArticleSummary {
  const { id, headline, section, state, byline, slug, publishedAt, updatedAt, priority } = article
  return {
    id,
    headline,
    section,
    state,
    byline,
    slug,
    publishedAt,
    updatedAt,
    priority,
    scheduledAt: article.scheduledAt ?? null,
    publishError: article.publishError ?? null,
  }
}

/** Newest `updatedAt` first, the library's order everywhere. */
export function newestFirst(a: { updatedAt: string }, b: { updatedAt: string }): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0
}
