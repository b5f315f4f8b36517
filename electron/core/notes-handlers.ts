import { reason } from '../../shared/reasons.js'
import type { Article, ReviewNote } from '../../shared/article.js'
import type { DeskContext, Handlers } from './desk-context.js'
import { DeskFailure } from './failure.js'
import { newArticleId } from './id.js'

/**
 * notes.*: review notes live in the article's file but leave its revision alone, so a writer
 * resolving a note never makes their own next save a conflict.
 */
export function notesHandlers(context: DeskContext): Handlers<'notes'> {
  const { store } = context
  const rewrite = async (article: Article, notes: ReviewNote[]) => {
    const next = { ...article, notes }
    await store.write(next)
    return next
  }
  return {
    'notes.add': ({ id, text, paragraph }) =>
      context.serially(async () => {
        const article = await store.read(id)
        if (paragraph !== undefined && paragraph >= article.text.length) {
          throw DeskFailure.of(
            'invalid-input',
            `the article has no paragraph ${paragraph + 1}`,
            reason('paragraph-missing', { paragraph: paragraph + 1 }),
          )
        }
        const stamp = context.stamp()
        const note: ReviewNote = {
          id: newArticleId(),
          anchor:
            paragraph === undefined
              ? null
              : { paragraph, quote: (article.text[paragraph] ?? '').trim().slice(0, 60) },
          text: text.trim(),
          by: stamp.by,
          at: stamp.at.toISOString(),
          resolvedAt: null,
          resolvedBy: null,
        }
        return rewrite(article, [...(article.notes ?? []), note])
      }),
    'notes.resolve': ({ id, noteId }) =>
      context.serially(async () => {
        const article = await store.read(id)
        const notes = article.notes ?? []
        if (!notes.some((note) => note.id === noteId))
          throw DeskFailure.of(
            'not-found',
            `no note ${noteId}`,
            reason('note-not-found', { note: noteId }),
          )
        const stamp = context.stamp()
        return rewrite(
          article,
          notes.map((note) =>
            note.id === noteId && !note.resolvedAt
              ? { ...note, resolvedAt: stamp.at.toISOString(), resolvedBy: stamp.by }
              : note,
          ),
        )
      }),
  }
}
