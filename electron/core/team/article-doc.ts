import type { Article } from '../../../shared/article.js'
import { deltaToParagraphs } from '../../../shared/delta.js'
import type { ArticleLeaf } from './field-merge.js'
import { childRevision, stableJson } from './revs.js'
import {
  type NoteDoc,
  type SharedField,
  type SharedValues,
  type TransitionDoc,
  articleDocId,
  sharedFields,
  sharedValuesOf,
} from './team-docs.js'
import { deriveWorkflow } from './workflow-moves.js'

/**
 * The article document for a file's article, on top of `parent` (the revision the file was
 * last in step with): each field keeps the revision it changed in unless it changed now.
 * Null when nothing shared changed.
 */
export function articleDocFor(
  article: Article,
  trashed: boolean,
  parent: ArticleLeaf | null,
  desk: string,
  media: Record<string, string> = {},
): ArticleLeaf | null {
  const body = {
    desk,
    media,
    id: article.id,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    savedBy: article.savedBy ?? '',
    fields: sharedValuesOf(article, trashed),
  }
  if (
    parent &&
    stableJson(parent.fields) === stableJson(body.fields) &&
    stableJson(parent.media ?? {}) === stableJson(media)
  )
    return null
  const next = childRevision(
    parent ? { rev: parent._rev, path: parent._revisions } : null,
    stableJson(body),
  )
  const changedIn = Object.fromEntries(
    sharedFields.map((field) => [
      field,
      parent && stableJson(parent.fields[field]) === stableJson(body.fields[field])
        ? parent.changedIn[field]
        : next.rev,
    ]),
  ) as Record<SharedField, string>
  return {
    _id: articleDocId(article.id),
    _rev: next.rev,
    _revisions: next.path,
    type: 'article',
    ...body,
    changedIn,
  }
}

/**
 * The article a team's documents make, as this desk's file holds it: its local revision
 * counter goes on from the file's, its state and history come from the moves.
 */
export function articleFromDocs(
  doc: ArticleLeaf,
  moves: readonly TransitionDoc[],
  notes: readonly NoteDoc[],
  local: Article | null,
): Article {
  const workflow = deriveWorkflow(moves)
  const fields: Partial<SharedValues> & Omit<SharedValues, 'trashed'> = { ...doc.fields }
  delete fields.trashed
  const history = workflow?.history ?? local?.history ?? []
  return {
    ...fields,
    id: doc.id,
    revision: (local?.revision ?? 0) + 1,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    text: deltaToParagraphs(fields.body),
    state: workflow?.state ?? local?.state ?? 'draft',
    history: history.length
      ? history
      : [{ from: null, to: 'draft', at: doc.createdAt, by: doc.savedBy, note: '' }],
    notes: notes
      .map((note) => note.note)
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
    event: 'synced',
    savedBy: doc.savedBy,
  }
}
