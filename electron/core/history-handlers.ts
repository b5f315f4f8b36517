import { readTeamLink } from './team/team-link.js'
import type { Article } from '../../shared/article.js'
import { reason } from '../../shared/reasons.js'
import { type RevisionEntry, wordDiff } from '../../shared/revisions.js'
import { textStats } from '../../shared/text-stats.js'
import { applyChanges } from './articles.js'
import type { DeskContext, Handlers } from './desk-context.js'
import { DeskFailure } from './failure.js'
import type { LibraryStorage } from './storage/library-storage.js'

/** What a revision was, for the history: who, when, in what state, how long, what happened. */
function entryOf(article: Article): RevisionEntry {
  return {
    revision: article.revision,
    at: article.updatedAt,
    by: article.savedBy ?? article.history.at(-1)?.by ?? '',
    state: article.state,
    words: textStats(article.text.join('\n')).words,
    event: article.event ?? (article.revision === 1 ? 'created' : 'edited'),
  }
}

/** An article's kept revisions, newest first; the current one always among them. */
export async function revisionHistory(
  store: Pick<LibraryStorage, 'read' | 'revisions'>,
  id: string,
): Promise<RevisionEntry[]> {
  const current = await store.read(id)
  const entries = [entryOf(current)]
  for (const revision of await store.revisions.list(id)) {
    if (revision >= current.revision) continue
    const kept = await store.revisions.read(id, revision)
    if (kept) entries.push(entryOf(kept))
  }
  return entries
}

/** One revision of an article: the current one, else a kept one; refused when neither. */
export async function revisionOf(
  store: Pick<LibraryStorage, 'read' | 'revisions'>,
  id: string,
  revision: number,
): Promise<Article> {
  const current = await store.read(id)
  if (revision === current.revision) return current
  const kept = revision < current.revision ? await store.revisions.read(id, revision) : null
  if (kept) return kept
  throw DeskFailure.of(
    'not-found',
    `article ${id} has no kept revision ${revision}`,
    reason('revision-not-kept', { id, revision }),
  )
}

/** The word diff between two revisions of an article (the older first). */
export async function revisionDiff(
  store: Pick<LibraryStorage, 'read' | 'revisions'>,
  id: string,
  from: number,
  to: number,
) {
  return wordDiff(await revisionOf(store, id, from), await revisionOf(store, id, to))
}

/** A backup when the newest is a day old or there is none (while a host runs); or nothing. */
export async function dailyBackup(context: DeskContext): Promise<void> {
  const newest = (await context.backups.list())[0]
  const dayAgo = context.clock().getTime() - 86_400_000
  if (newest && Date.parse(newest.at) > dayAgo) return
  if (context.store.index.size === 0) return
  await context.backups.make(context.store.settings().backupsKept)
}

/** Trashed articles older than the settings' days, removed for good; their ids. */
export async function purgeExpired(context: DeskContext): Promise<string[]> {
  const { store } = context
  const cutoff = context.clock().getTime() - store.settings().trashPurgeDays * 86_400_000
  const expired = (await store.trashBin.list()).filter((t) => Date.parse(t.trashedAt) < cutoff)
  for (const { id } of expired) await store.trashBin.purge(id)
  return expired.map((t) => t.id)
}

/**
 * Going back: an article's history and the diff between two of its revisions; restoring one
 * (a new revision equal to it in everything the editor writes: nothing is rewritten or lost);
 * the trash listed, an article brought back from it, or purged for good.
 */
export function historyHandlers(
  context: DeskContext,
): Handlers<'revisions'> & Handlers<'trash'> & Handlers<'backups'> {
  const { serially } = context
  // The library open now: a restored backup replaces it (desk.ts).
  const store = context.store
  return {
    'backups.list': () => context.backups.list(),
    // Taken in turn with every write, so a backup never holds half of one.
    'backups.create': () => serially(() => context.backups.make(store.settings().backupsKept)),
    // Nothing else runs while the library is replaced: the desk opens it again from the files.
    'backups.restore': (name) =>
      serially(async () => {
        // Restored on a team desk, last week's stories would go out to every desk as edits.
        if (await readTeamLink(context.fs, context.store.layout))
          throw DeskFailure.of(
            'refused',
            'this library is joined to a team: a backup restored would send its older stories to every desk; leave the team (midad team leave), restore, then join again',
            reason('restore-while-joined'),
          )
        return context.replaceLibrary(async () => {
          const keep = context.settings().backupsKept
          if (!(await context.backups.list()).some((backup) => backup.name === name)) {
            throw DeskFailure.of(
              'not-found',
              `there is no backup ${name}`,
              reason('backup-not-found', { name }),
            )
          }
          const { before } = await context.backups.restore(name, keep)
          return { restored: name, before: before.name }
        })
      }),
    'revisions.history': (id) => revisionHistory(store, id),
    'revisions.diff': ({ id, from, to }) => revisionDiff(store, id, from, to),
    'revisions.restore': ({ id, revision }) =>
      serially(async () => {
        const current = await store.read(id)
        const old = await revisionOf(store, id, revision)
        const { headline, kicker, summary, section, byline, source, place, publishedAt } = old
        const { tags, slug, priority, editorNote, featuredImage, body } = old
        const fields = { headline, kicker, summary, section, byline, source, place, publishedAt }
        const rest = { tags, slug, priority, editorNote, featuredImage, body }
        const restored = applyChanges(current, { ...fields, ...rest }, context.stamp(), 'restored')
        await store.write(restored)
        return restored
      }),
    'trash.list': () => store.trashBin.list(),
    'trash.restore': (id) =>
      serially(async () => {
        if (store.has(id)) {
          throw DeskFailure.of(
            'conflict',
            `article ${id} is in the library already`,
            reason('article-not-trashed', { id }),
          )
        }
        if (!(await store.trashBin.has(id))) {
          throw DeskFailure.of(
            'not-found',
            `article ${id} is not in the trash`,
            reason('article-not-trashed', { id }),
          )
        }
        return store.untrash(id)
      }),
    'trash.purge': ({ ids }) =>
      serially(async () => {
        const purged: string[] = []
        for (const id of ids) {
          if (!(await store.trashBin.has(id))) {
            throw DeskFailure.of(
              'not-found',
              `article ${id} is not in the trash`,
              reason('article-not-trashed', { id }),
            )
          }
        }
        for (const id of ids) {
          await store.trashBin.purge(id)
          purged.push(id)
        }
        return { purged }
      }),
  }
}
