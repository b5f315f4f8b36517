import { byWinner, childRevision, revsOf, stableJson } from './revs.js'
import {
  type ArticleDoc,
  type RevisionPath,
  type SharedField,
  type SharedValues,
  sharedFields,
} from './team-docs.js'

// The per-field three-way merge every desk runs on an article with more than one leaf. It
// needs no common ancestor's body (replication does not carry one): each field names the
// revision it last changed in, and a leaf's ancestry says whether it has seen the other's.

/** A leaf of an article document, as `open_revs` gives it (with `_revisions`). */
export type ArticleLeaf = ArticleDoc & { _rev: string; _revisions: RevisionPath }

/** One field both leaves changed apart: an editor chooses. */
export interface FieldCollision {
  field: SharedField
  /** The winning leaf's value and the other's. */
  winner: unknown
  other: unknown
  otherRev: string
}

/** What merging an article's leaves gives: the documents to write and what is left to choose. */
export interface ArticleMerge {
  /** The merged revision on top of the winner; null when the winner already is the merge. */
  merged: ArticleLeaf | null
  /** Tombstones of the leaves merged away (never a leaf with a field still to choose). */
  gone: { _id: string; _rev: string; _revisions: RevisionPath; _deleted: true }[]
  /** The collisions an editor chooses in. */
  collisions: FieldCollision[]
  /** Those and the ones that follow them (the slug of a headline). */
  followed: FieldCollision[]
}

/** Fields no editor needs to choose: the reader figures only grow, so the greater wins. */
const greatestWins: ReadonlySet<SharedField> = new Set(['visits', 'comments'])

/**
 * Fields that follow another when both collide: the slug is made from the headline, so the
 * editor's choice of headline chooses its slug too, and only the headline is listed.
 */
const followers: Partial<Record<SharedField, SharedField>> = { slug: 'headline' }

/** Merges an article's live leaves (two or more) into its winner, deterministically. */
export function mergeArticleLeaves(leaves: readonly ArticleLeaf[]): ArticleMerge {
  const live = leaves.filter((leaf) => !leaf._deleted).sort(byWinner)
  const [winner, ...others] = live
  if (!winner || others.length === 0)
    return { merged: null, gone: [], collisions: [], followed: [] }
  const fields: Record<string, unknown> = { ...winner.fields }
  const changedIn: Record<string, string> = { ...winner.changedIn }
  const seen = new Set(revsOf(winner._revisions))
  const collisions: FieldCollision[] = []
  const gone: ArticleMerge['gone'] = []
  for (const other of others) {
    const otherSeen = new Set(revsOf(other._revisions))
    let collided = false
    for (const field of sharedFields) {
      const mine = changedIn[field] ?? ''
      const theirs = other.changedIn[field] ?? ''
      if (mine === theirs || seen.has(theirs)) continue
      if (otherSeen.has(mine) || sameValue(fields[field], other.fields[field])) {
        fields[field] = other.fields[field]
        changedIn[field] = theirs
      } else if (greatestWins.has(field)) {
        const larger = Number(other.fields[field]) > Number(fields[field])
        if (larger) {
          fields[field] = other.fields[field]
          changedIn[field] = theirs
        }
      } else {
        collided = true
        collisions.push({
          field,
          winner: fields[field],
          other: other.fields[field],
          otherRev: other._rev,
        })
      }
    }
    if (!collided) gone.push(tombstone(other))
  }
  const listed = collisions.filter((collision) => {
    const leader = followers[collision.field]
    return !(
      leader && collisions.some((c) => c.field === leader && c.otherRev === collision.otherRev)
    )
  })
  const merged: ArticleLeaf = {
    ...winner,
    fields: fields as SharedValues,
    changedIn: changedIn as Record<SharedField, string>,
    updatedAt: live.map((leaf) => leaf.updatedAt).reduce((a, b) => (a > b ? a : b)),
    desk: '',
    // Images named on either side: a file name keeps the picture the winner gave it.
    media: Object.assign(
      {},
      ...[...others].reverse().map((leaf) => leaf.media ?? {}),
      winner.media ?? {},
    ),
  }
  const unchanged =
    stableJson(merged.fields) === stableJson(winner.fields) &&
    stableJson(merged.changedIn) === stableJson(winner.changedIn) &&
    stableJson(merged.media) === stableJson(winner.media ?? {})
  if (unchanged) return { merged: null, gone, collisions: listed, followed: collisions }
  const next = childRevision(
    { rev: winner._rev, path: winner._revisions },
    `merge\n${live.map((leaf) => leaf._rev).join('\n')}\n${stableJson(content(merged))}`,
  )
  return {
    merged: { ...merged, _rev: next.rev, _revisions: next.path, _conflicts: undefined },
    gone,
    collisions: listed,
    followed: collisions,
  }
}

/** A leaf's end: its deletion, the same revision on every desk. */
export function tombstone(leaf: { _id: string; _rev: string; _revisions: RevisionPath }) {
  const next = childRevision({ rev: leaf._rev, path: leaf._revisions }, 'deleted')
  return { _id: leaf._id, _rev: next.rev, _revisions: next.path, _deleted: true as const }
}

/** The document without its revision bookkeeping: what its revision id is made from. */
export function content(doc: ArticleDoc) {
  return {
    id: doc.id,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    savedBy: doc.savedBy,
    desk: doc.desk,
    fields: doc.fields,
    media: doc.media ?? {},
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b)
}

/**
 * An editor's choice for every collision of an article: a revision on top of the merge with
 * the chosen values, and the other leaves ended (only now: nothing was lost before the choice).
 */
export function chooseFields(
  leaves: readonly ArticleLeaf[],
  choices: Partial<Record<SharedField, 'winner' | 'other'>>,
  stamp: { at: string; by: string; desk: string },
): { chosen: ArticleLeaf; gone: ArticleMerge['gone'] } | { missing: SharedField[] } {
  const merge = mergeArticleLeaves(leaves)
  const base = merge.merged ?? [...leaves].filter((leaf) => !leaf._deleted).sort(byWinner)[0]
  if (!base) return { missing: [] }
  const missing = merge.collisions.map((c) => c.field).filter((field) => !choices[field])
  if (missing.length > 0) return { missing: [...new Set(missing)] }
  const fields: Record<string, unknown> = { ...base.fields }
  const choiceOf = (field: SharedField) => choices[field] ?? choices[followers[field] ?? field]
  for (const collision of merge.followed)
    if (choiceOf(collision.field) === 'other') fields[collision.field] = collision.other
  const next = childRevision(
    { rev: base._rev, path: base._revisions },
    `chosen\n${stableJson(choices)}\n${stamp.at}\n${stamp.by}`,
  )
  const changedIn: Record<string, string> = { ...base.changedIn }
  for (const collision of merge.followed) changedIn[collision.field] = next.rev
  const chosen: ArticleLeaf = {
    ...base,
    fields: fields as SharedValues,
    changedIn: changedIn as Record<SharedField, string>,
    updatedAt: stamp.at,
    savedBy: stamp.by,
    desk: stamp.desk,
    _rev: next.rev,
    _revisions: next.path,
    _conflicts: undefined,
  }
  // The merge descends from the winner; every other live leaf ends now, merged or chosen.
  const others = leaves
    .filter((leaf) => !leaf._deleted)
    .sort(byWinner)
    .slice(1)
  return { chosen, gone: others.map(tombstone) }
}
