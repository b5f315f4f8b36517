import { reason, reasonText } from '../../shared/reasons.js'
import { spellingCanBlock } from '../../shared/article-check.js'
import type { Article, ArticleState } from '../../shared/article.js'
import {
  findingsToOverride,
  type MoveRequest,
  moveRefusalReasons,
  queueCards,
} from '../../shared/workflow.js'
import type { DeskContext, Handlers } from './desk-context.js'
import { writeExport } from './export/write-exports.js'
import { DeskFailure } from './failure.js'
import { exportFolder } from './transfer-handlers.js'

/** The spellchecker's answers, where spelling findings could keep a move to ready back. */
async function spellingForReadiness(context: DeskContext, to: ArticleState) {
  if (to !== 'ready' || !spellingCanBlock(context.settings())) return undefined
  const speller = await context.speller()
  return (key: string) => speller.isMisspelled(key)
}

/**
 * Publishes an article: exports it to the configured folder in the configured formats. The same
 * revision gives the same files under the same names, so publishing again never duplicates.
 */
export async function publish(context: DeskContext, article: Article): Promise<void> {
  const settings = context.settings()
  try {
    await writeExport({
      articles: [article],
      formats: settings.exportFormats.filter((f) => f !== 'pdf' || context.printPdf),
      folder: exportFolder(context),
      settings,
      now: context.clock(),
      printPdf: context.printPdf,
      media: context.media,
    })
  } catch (error) {
    throw DeskFailure.of(
      'io',
      `publishing failed: ${(error as Error).message}`,
      reason('publish-failed', { detail: (error as Error).message }),
    )
  }
}

/**
 * Moves an article through the workflow: checks the move, publishes when it leads to the site,
 * and records the transition (from, to, when, by whom, note). Refusals list every reason.
 */
export async function moveArticle(
  context: DeskContext,
  id: string,
  move: MoveRequest,
  by?: string,
): Promise<Article> {
  const article = await context.store.read(id)
  const stamp = context.stamp()
  const misspelled = await spellingForReadiness(context, move.to)
  const reasons = moveRefusalReasons(article, move, context.settings(), stamp.at, misspelled)
  if (reasons.length) {
    throw new DeskFailure(
      'refused',
      `«${article.headline}» cannot move from ${article.state} to ${move.to}`,
      reasons.map(reasonText),
      reasons,
    )
  }
  const at = stamp.at.toISOString()
  const overridden = move.override?.trim()
    ? findingsToOverride(article, move.to, context.settings(), misspelled)
    : 0
  const scheduledAt = move.to === 'scheduled' ? new Date(move.at ?? at).toISOString() : null
  // One publish time: scheduling sets it to the schedule's; going out stamps the moment it
  // does, unless the story went out before (it keeps its first publication's time).
  const publishedBefore = article.history.some((transition) => transition.to === 'exported')
  const publishedAt =
    move.to === 'scheduled'
      ? scheduledAt
      : move.to === 'exported' && !publishedBefore
        ? at
        : article.publishedAt
  const moved: Article = {
    ...article,
    revision: article.revision + 1,
    updatedAt: at,
    state: move.to as ArticleState,
    scheduledAt,
    publishError: null,
    publishedAt,
    event: move.to === 'corrected' ? 'corrected' : 'moved',
    savedBy: by ?? stamp.by,
    history: [
      ...article.history,
      {
        from: article.state,
        to: move.to,
        at,
        by: by ?? stamp.by,
        note: move.note?.trim() ?? '',
        ...(overridden
          ? { override: { reason: move.override?.trim() ?? '', findings: overridden } }
          : {}),
      },
    ],
  }
  if (move.to === 'exported') await publish(context, moved)
  await context.store.write(moved)
  return moved
}

/** Records why a scheduled article did not go out; its state stays, loudly marked. */
export async function markMissed(context: DeskContext, id: string, reason: string): Promise<void> {
  const article = await context.store.read(id)
  if (article.state !== 'scheduled' || article.publishError === reason) return
  await context.store.write({ ...article, publishError: reason })
}

/** queue.*: the board's cards and workflow moves. */
export function workflowHandlers(context: DeskContext): Handlers<'queue'> {
  return {
    'queue.list': async () => queueCards(context.store.summaries, context.clock()),
    'queue.move': ({ id, ...move }) => context.serially(() => moveArticle(context, id, move)),
  }
}
