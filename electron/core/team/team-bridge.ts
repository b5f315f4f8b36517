import type { Article } from '../../../shared/article.js'
import { articleIdSchema } from '../../../shared/schemas.js'
import { storedArticleSchema } from '../../../shared/stored-schemas.js'
import { stableJson } from './revs.js'
import type { DeskContext } from '../desk-context.js'
import { articleDocFor, articleFromDocs } from './article-doc.js'
import { type ArticleLeaf, mergeArticleLeaves, tombstone } from './field-merge.js'
import type { ReplicaDb, StoredDoc } from './replica.js'
import { type NoteDoc, articleDocId, articleOfDocId, noteDocId } from './team-docs.js'
import { newMoveDocs } from './workflow-moves.js'
import { movesOf } from './team-conflicts.js'
import { mediaFilesOf, shareMedia } from './team-media.js'
import { slugsApart } from './slugs-apart.js'

// Between a team desk's files and its replica. The article files stay the desk's truth, with
// every guarantee they have (atomic, fsynced, quarantined when damaged, revisions kept); the
// replica is what replicates. What an editor saves goes into the replica on top of the
// revision the file was last in step with; what arrives is merged there, by the same rule on
// every desk, and written into the files as a revision of its own ('synced').

/** `_local/` documents never replicate: what this desk last had in step, per article. */
interface StepMark {
  _id: string
  _rev?: string
  /** The article document's revision the file was in step with; null: never shared. */
  rev: string | null
  /** The file's stamp then (size, time, inode): any rewrite, a note's too, changes it. */
  file: string
  trashed: boolean
  /** Each shared note and when it was resolved, as last in step. */
  notes: Record<string, string | null>
}

export const markId = (id: string) => `_local/midad-step:${id}`
const appliedId = '_local/midad-applied'

export async function markOf(replica: ReplicaDb, id: string): Promise<StepMark | null> {
  return (await replica.get(markId(id)).catch(missing)) as StepMark | null
}

async function setMark(replica: ReplicaDb, mark: Omit<StepMark, '_id' | '_rev'>, id: string) {
  const old = await markOf(replica, id)
  await replica.put({ ...mark, _id: markId(id), ...(old?._rev ? { _rev: old._rev } : {}) })
}

function missing(error: { status?: number }): null {
  if (error.status === 404) return null
  throw error
}

async function notesOf(replica: ReplicaDb, article: string): Promise<NoteDoc[]> {
  const prefix = `note:${article}:`
  return (await replica.allDocs({
    startkey: prefix,
    endkey: `${prefix}\uffff`,
  })) as unknown as NoteDoc[]
}

/** One article into the replica: its document, its new moves and its changed notes. */
export async function shareArticle(
  context: DeskContext,
  replica: ReplicaDb,
  article: Article,
  trashed: boolean,
  mark: StepMark | null,
  desk: string,
): Promise<boolean> {
  const id = articleDocId(article.id)
  const parent = mark?.rev
    ? ((await replica.get(id, { rev: mark.rev, revs: true })) as unknown as ArticleLeaf)
    : null
  const media = await shareMedia(context, replica, article)
  // A picture of another desk's not fetched yet here is still the article's: named as it was.
  for (const file of mediaFilesOf(article)) {
    const named = parent?.media?.[file]
    if (!(file in media) && typeof named === 'string') media[file] = named
  }
  const doc = articleDocFor(article, trashed, parent, desk, media)
  if (doc) await replica.writeRevisions([doc])
  const moves = newMoveDocs(article.id, article.history, await movesOf(replica, article.id), desk)
  await replica.createAll(moves)
  const notes: Record<string, string | null> = {}
  for (const note of article.notes ?? []) {
    notes[note.id] = note.resolvedAt
    if (mark && note.id in mark.notes && mark.notes[note.id] === note.resolvedAt) continue
    const noteId = noteDocId(article.id, note.id)
    const old = (await replica.get(noteId).catch(missing)) as NoteDoc | null
    // A note resolved on another desk stays resolved: resolving is the only change it takes.
    if (old?.note.resolvedAt && !note.resolvedAt) continue
    await replica.put({
      _id: noteId,
      ...(old?._rev ? { _rev: old._rev } : {}),
      type: 'note',
      article: article.id,
      note,
    })
  }
  await setMark(
    replica,
    { rev: doc?._rev ?? mark?.rev ?? null, file: fileKey(context, article.id), trashed, notes },
    article.id,
  )
  return doc !== null || moves.length > 0
}

/** Merges every article with more than one live leaf, and ends note conflicts. */
export async function mergeLeaves(replica: ReplicaDb, docIds: Iterable<string>): Promise<void> {
  for (const docId of docIds) {
    const leaves = (await replica.getLeaves(docId)).filter((leaf) => !leaf._deleted)
    if (leaves.length < 2) continue
    if (docId.startsWith('article:')) {
      const merge = mergeArticleLeaves(leaves as unknown as ArticleLeaf[])
      await replica.writeRevisions([...(merge.merged ? [merge.merged] : []), ...merge.gone])
    } else if (docId.startsWith('note:')) {
      // A note changes only by being resolved: the earliest resolution is the one kept.
      const notes = leaves as unknown as (NoteDoc &
        StoredDoc & { _revisions: ArticleLeaf['_revisions'] })[]
      const resolved = notes
        .filter((leaf) => leaf.note.resolvedAt)
        .sort((a, b) => (a.note.resolvedAt ?? '').localeCompare(b.note.resolvedAt ?? ''))
      const keep = resolved[0] ?? notes.sort((a, b) => a._rev.localeCompare(b._rev))[0]
      await replica.writeRevisions(notes.filter((leaf) => leaf !== keep).map(tombstone))
    }
  }
}

/** The articles the replica changed since the files last took its changes. */
export async function changedSinceApplied(
  replica: ReplicaDb,
): Promise<{ ids: Set<string>; docIds: Set<string>; last: string | number }> {
  const applied = (await replica.get(appliedId).catch(missing)) as { seq: string | number } | null
  const changes = await replica.changes(applied?.seq ?? 0)
  const ids = new Set<string>()
  const docIds = new Set<string>()
  for (const docId of changes.ids) {
    const article = articleOfDocId(docId)
    // Only ids the desk makes: a document named otherwise never becomes a path on this disk.
    if (article && articleIdSchema.safeParse(article).success) {
      ids.add(article)
      docIds.add(docId)
    }
  }
  return { ids, docIds, last: changes.last }
}

export async function markApplied(replica: ReplicaDb, seq: string | number): Promise<void> {
  const old = (await replica.get(appliedId).catch(missing)) as StoredDoc | null
  await replica.put({ _id: appliedId, seq, ...(old ? { _rev: old._rev } : {}) })
}

/**
 * Writes the replica's articles into the files, where they differ: through the desk, one at
 * a time with the editors' saves, so the index and search follow. An article with a save not
 * yet shared is left for the next round (it is shared first, then merged).
 */
export async function applyTeamChanges(
  context: DeskContext,
  replica: ReplicaDb,
  ids: Iterable<string>,
): Promise<number> {
  let applied = 0
  for (const id of ids) {
    const landed = await context.serially(() => applyArticle(context, replica, id))
    if (landed) applied++
  }
  return applied
}

async function applyArticle(
  context: DeskContext,
  replica: ReplicaDb,
  id: string,
): Promise<boolean> {
  const doc = (await replica
    .get(articleDocId(id), { revs: true })
    .catch(missing)) as ArticleLeaf | null
  if (!doc) return false
  const mark = await markOf(replica, id)
  const store = context.store
  const inLibrary = store.has(id)
  const inTrash = !inLibrary && (await store.trashBin.has(id))
  const local = inLibrary ? await store.read(id) : inTrash ? await store.trashBin.read(id) : null
  if (local && mark && !mark.trashed && fileKey(context, id) !== mark.file) return false
  const made = articleFromDocs(doc, await movesOf(replica, id), await notesOf(replica, id), local)
  // What arrives is checked as the desk checks its own files: a malformed one is said, not written.
  const checked = storedArticleSchema.safeParse(made)
  if (!checked.success || made.id !== id) {
    context.warn(
      `the team's article ${id} is malformed and was not written: ${checked.error?.message ?? 'its id differs'}`,
    )
    return false
  }
  const next = doc.fields.trashed ? made : await slugsApart(context, made)
  const notes = Object.fromEntries((next.notes ?? []).map((note) => [note.id, note.resolvedAt]))
  const same = local && stableJson(sharedPart(local)) === stableJson(sharedPart(next))
  // Its images are not copied now: each is fetched when first shown (team-media.ts).
  if (!same && !doc.fields.trashed) {
    if (inTrash) await store.untrash(id)
    await store.write(next)
  }
  if (doc.fields.trashed && store.has(id)) await store.trash(id)
  if (!doc.fields.trashed && inTrash && same) await store.untrash(id)
  await setMark(
    replica,
    {
      rev: doc._rev,
      file: fileKey(context, id),
      trashed: doc.fields.trashed,
      notes,
    },
    id,
  )
  return !same || doc.fields.trashed !== inTrash
}

/** The stamp of an article's file as the index knows it; 'trash' once trashed. */
export function fileKey(context: DeskContext, id: string): string {
  const stamp = context.store.index.get(id)?.stamp
  return stamp ? `${stamp.size}:${stamp.mtimeMs}:${stamp.ino}` : 'trash'
}

/** What of an article a team shares: everything but the desk's own counters. */
function sharedPart(article: Article) {
  const rest: Partial<Article> = { ...article, notes: article.notes ?? [] }
  delete rest.revision
  delete rest.event
  return rest
}
