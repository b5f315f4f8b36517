import type { Article } from '../../../shared/article.js'
import type { DeskContext } from '../desk-context.js'
import { articleDocFor } from './article-doc.js'
import type { ReplicaDb } from './replica.js'
import { fileKey, markId, markOf, shareArticle } from './team-bridge.js'
import { movesOf } from './team-conflicts.js'
import { shareMedia } from './team-media.js'
import { newMoveDocs } from './workflow-moves.js'

// The library into the replica: what changed in the files since they were last in step with it
// (a save made while no host ran, a whole library joining a team).

/** Puts what changed in this desk's files since they were last in step into the replica. */
export async function shareLocalChanges(
  context: DeskContext,
  replica: ReplicaDb,
  desk: string,
): Promise<number> {
  let shared = 0
  const rows = context.store.index.oldestFirst()
  for (let at = 0; at < rows.length; at += shareBatch) {
    // The marks of a batch asked at once: LevelDB answers them side by side.
    const batch = rows.slice(at, at + shareBatch)
    const marks = await Promise.all(batch.map((row) => markOf(replica, row.id)))
    const never: Article[] = []
    for (const [n, row] of batch.entries()) {
      const mark = marks[n] ?? null
      if (mark && mark.file === fileKey(context, row.id) && !mark.trashed) continue
      const article = await context.store.read(row.id)
      if (!mark && !article.notes?.length) never.push(article)
      else if (await shareArticle(context, replica, article, false, mark, desk)) shared++
    }
    shared += await shareNeverShared(context, replica, never, desk)
  }
  for (const trashed of await context.store.trashBin.list()) {
    const mark = await markOf(replica, trashed.id)
    // An article trashed before it was ever shared stays this desk's own.
    if (!mark?.rev || mark.trashed) continue
    const article = await context.store.trashBin.read(trashed.id)
    if (await shareArticle(context, replica, article, true, mark, desk)) shared++
  }
  return shared
}

/** How many never-shared articles go into the replica at once (a join's whole library). */
const shareBatch = 250

/**
 * Articles never shared and without notes (a library joining), put in the replica a batch at a
 * time: their documents in one write, their moves in another, then each one's mark. What
 * `shareArticle` does one by one, at under half the cost per article.
 */
async function shareNeverShared(
  context: DeskContext,
  replica: ReplicaDb,
  articles: readonly Article[],
  desk: string,
): Promise<number> {
  if (articles.length === 0) return 0
  const docs = []
  const known = await Promise.all(articles.map((article) => movesOf(replica, article.id)))
  const moves = []
  for (const [n, article] of articles.entries()) {
    const doc = articleDocFor(
      article,
      false,
      null,
      desk,
      await shareMedia(context, replica, article),
    )
    if (doc) docs.push(doc)
    moves.push(...newMoveDocs(article.id, article.history, known[n] ?? [], desk))
  }
  await replica.writeRevisions(docs)
  await replica.createAll(moves)
  const revs = new Map(docs.map((doc) => [doc.id, doc._rev]))
  await Promise.all(
    articles.map((article) =>
      replica.put({
        _id: markId(article.id),
        rev: revs.get(article.id) ?? null,
        file: fileKey(context, article.id),
        trashed: false,
        notes: {},
      }),
    ),
  )
  return articles.length
}
