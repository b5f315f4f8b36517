import type { ArticleState } from '../../../shared/article.js'
import type { TeamConflict } from '../../../shared/team.js'

export type { TeamConflict }
import { byWinner } from './revs.js'
import { type ArticleLeaf, type FieldCollision, mergeArticleLeaves } from './field-merge.js'
import type { ReplicaDb, StoredDoc } from './replica.js'
import { type TransitionDoc, articleDocId, transitionPrefix } from './team-docs.js'
import { deriveWorkflow } from './workflow-moves.js'

// What only an editor can settle: a field two desks changed apart, or an article moved apart
// on two desks (a `state` conflict). The articles that have one are kept in a `_local/`
// document as the changes arrive, so listing them never reads the whole library.

const openId = '_local/midad-conflicts'

async function openSet(replica: ReplicaDb): Promise<{ _rev?: string; ids: string[] }> {
  return (
    ((await replica.get(openId).catch(() => null)) as { _rev?: string; ids: string[] } | null) ?? {
      ids: [],
    }
  )
}

/** Notes whether an article has a conflict now, after its changes arrived or a choice. */
export async function noteConflictOf(replica: ReplicaDb, id: string): Promise<boolean> {
  const has = (await conflictsOf(replica, id, '')).length > 0
  const set = await openSet(replica)
  const ids = new Set(set.ids)
  if (has === ids.has(id)) return has
  if (has) ids.add(id)
  else ids.delete(id)
  await replica.put({ _id: openId, ...(set._rev ? { _rev: set._rev } : {}), ids: [...ids].sort() })
  return has
}

export async function openConflictIds(replica: ReplicaDb): Promise<string[]> {
  return (await openSet(replica)).ids
}

/** Every conflict listed, oldest article first. */
export async function listConflicts(replica: ReplicaDb, desk: string): Promise<TeamConflict[]> {
  const found: TeamConflict[] = []
  for (const id of await openConflictIds(replica))
    found.push(...(await conflictsOf(replica, id, desk)))
  return found
}

export async function liveLeaves(replica: ReplicaDb, id: string): Promise<ArticleLeaf[]> {
  const leaves = await replica.getLeaves(articleDocId(id))
  return (leaves as unknown as ArticleLeaf[]).filter((leaf) => !leaf._deleted).sort(byWinner)
}

export async function movesOf(replica: ReplicaDb, id: string): Promise<TransitionDoc[]> {
  const prefix = transitionPrefix(id)
  return (await replica.allDocs({
    startkey: prefix,
    endkey: `${prefix}\uffff`,
  })) as unknown as TransitionDoc[]
}

/** An article's conflicts: its fields' collisions, and its moves' heads beyond the first. */
export async function conflictsOf(
  replica: ReplicaDb,
  id: string,
  desk: string,
): Promise<TeamConflict[]> {
  const leaves = await liveLeaves(replica, id)
  const found: TeamConflict[] = []
  if (leaves.length > 1) {
    const { collisions } = mergeArticleLeaves(leaves)
    for (const collision of collisions) found.push(fieldConflict(id, collision, leaves, desk))
  }
  const workflow = deriveWorkflow(await movesOf(replica, id))
  // Moves made apart that went to one state (two desks' schedulers publishing one story) agree:
  // both stay in the history, and nobody need choose.
  if (workflow && new Set(workflow.heads.map((head) => head.to)).size > 1) {
    const mineHead = workflow.heads.find((head) => head.desk === desk) ?? workflow.heads[0]
    const theirs = workflow.heads.find((head) => head.to !== mineHead?.to) as TransitionDoc
    found.push({
      id,
      field: 'state',
      mine: mineHead?.to as ArticleState,
      theirs: theirs.to,
      at: theirs.at,
    })
  }
  return found
}

function fieldConflict(
  id: string,
  collision: FieldCollision,
  leaves: readonly ArticleLeaf[],
  desk: string,
): TeamConflict {
  const other = leaves.find((leaf) => leaf._rev === collision.otherRev) as StoredDoc & ArticleLeaf
  const winner = leaves[0] as ArticleLeaf
  const otherIsMine = other.desk === desk && winner.desk !== desk
  return {
    id,
    field: collision.field,
    mine: otherIsMine ? collision.other : collision.winner,
    theirs: otherIsMine ? collision.winner : collision.other,
    at: otherIsMine ? winner.updatedAt : other.updatedAt,
  }
}
