import { reason } from '../../shared/reasons.js'
import { checkArticle } from '../../shared/content-profile.js'
import { applyChanges, assignSlug, newArticle } from './articles.js'
import type { DeskContext, Handlers } from './desk-context.js'
import { DeskFailure } from './failure.js'
import { libraryPage } from './library-page.js'
import { summaryOf } from './storage/library-index.js'

/** The `articles.*` and `library.*` methods: reading, writing, searching the library. */
export function articleHandlers({ store, search, stamp, serially, settings, newId }: DeskContext) {
  const handlers: Handlers<'articles'> & Handlers<'library'> = {
    'articles.list': async () => store.summaries.map(summaryOf),
    'articles.get': (id) => store.read(id),
    'articles.create': (fields = {}) =>
      serially(async () => {
        const id = newId()
        const section = settings().sections[0] ?? ''
        const article = newArticle(id, { section, ...fields }, stamp())
        article.slug = assignSlug(article, null, fields.slug !== undefined, store.takenSlugs(id))
        await store.write(article)
        return article
      }),
    'articles.save': ({ id, baseRevision, changes, session, seq }) =>
      serially(async () => {
        const current = await store.read(id)
        // A published story changes only as a correction, with its note (exported → corrected).
        if (current.state === 'exported') {
          throw DeskFailure.of(
            'refused',
            `article ${id} is published: a change to it is a correction (move it to corrected with a note first)`,
            reason('published-needs-correction', { id }),
          )
        }
        if (current.revision !== baseRevision) {
          throw DeskFailure.of(
            'conflict',
            `article ${id} is at revision ${current.revision}, but this save was based on ` +
              `revision ${baseRevision}; it was not saved, so nothing was overwritten`,
            reason('revision-conflict', { id, revision: current.revision, base: baseRevision }),
          )
        }
        const article = applyChanges(current, changes, stamp())
        article.slug = assignSlug(
          article,
          current,
          changes.slug !== undefined,
          store.takenSlugs(id),
        )
        await store.write(article)
        // Saved. Tidying the session's recovery copy must not make that a failure.
        await store.recovery.saved(article, session, seq).catch(() => undefined)
        return article
      }),
    'articles.check': async (id) => {
      const article = await store.read(id)
      const findings = checkArticle(article, settings().contentProfile, settings().sections)
      return { ready: findings.length === 0, findings }
    },
    'articles.search': (request) => search.search({ ...request, limit: request.limit ?? 200 }),
    'articles.page': async (request) => libraryPage(store.index.oldestFirst(), request),
    'articles.trash': (id) =>
      serially(async () => {
        await store.trash(id)
        await store.recovery.drop(id).catch(() => undefined)
        return { id }
      }),
    'library.notices': async () => store.notices(),
  }
  return handlers
}
