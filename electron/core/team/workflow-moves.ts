import type { ArticleState, Transition } from '../../../shared/article.js'
import { digest, stableJson } from './revs.js'
import { type TransitionDoc, transitionDoc, transitionOf, transitionPrefix } from './team-docs.js'

// An article's state on a team desk is derived from its moves by one rule, so every desk
// computes the same one: the moves form a graph (each names the moves it followed); its heads
// are the moves nothing followed yet; the state is where the latest head went. Two heads are
// diverging moves made apart: a `state` conflict until an editor confirms or changes it.

/** The id of a move's document, made from what the move says. */
export function transitionId(article: string, move: Transition): string {
  const said = stableJson({
    from: move.from,
    to: move.to,
    at: move.at,
    by: move.by,
    note: move.note,
  })
  return `${transitionPrefix(article)}${digest(said).slice(0, 16)}`
}

/** Latest first: by time, then by id, the same on every desk. */
function latestFirst(a: TransitionDoc, b: TransitionDoc): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1
  return a._id < b._id ? 1 : a._id > b._id ? -1 : 0
}

/** What an article's moves say: its history in order, its state, and whether it diverged. */
export interface DerivedWorkflow {
  history: Transition[]
  state: ArticleState
  /** The heads, latest first: more than one is a `state` conflict. */
  heads: TransitionDoc[]
}

/** The state and history of an article from its moves (at least its creation). */
export function deriveWorkflow(moves: readonly TransitionDoc[]): DerivedWorkflow | null {
  if (moves.length === 0) return null
  const followed = new Set(moves.flatMap((move) => move.after))
  const heads = moves.filter((move) => !followed.has(move._id)).sort(latestFirst)
  // A graph with no head would need a cycle, which ids made from content cannot form; the
  // latest move then stands for the head, so the rule still answers.
  const latest = heads[0] ?? [...moves].sort(latestFirst)[0]
  const history = [...moves].sort(latestFirst).reverse().map(transitionOf)
  return { history, state: latest?.to ?? 'draft', heads: heads.length ? heads : [latest!] }
}

/**
 * The documents of a file's moves the team does not hold yet, each after the heads known
 * when it was written: the first new one after the team's heads, each next one after it.
 */
export function newMoveDocs(
  article: string,
  history: readonly Transition[],
  known: readonly TransitionDoc[],
  desk: string,
): TransitionDoc[] {
  const knownIds = new Set(known.map((move) => move._id))
  let heads = deriveWorkflow(known)?.heads.map((move) => move._id) ?? []
  const docs: TransitionDoc[] = []
  for (const move of history) {
    const id = transitionId(article, move)
    if (knownIds.has(id)) continue
    knownIds.add(id)
    const doc = transitionDoc(article, move, id, heads, desk)
    docs.push(doc)
    heads = [id]
  }
  return docs
}
