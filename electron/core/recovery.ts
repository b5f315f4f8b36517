import type { DeskContext, Handlers } from './desk-context.js'

/** The session of a copy sent without one (an older renderer, or an outside tool). */
const unnamedSession = 'desk'

/**
 * Recovery copies of unsaved text, kept in the data dir by the host (never only in browser
 * storage): the editor sends them every few seconds while text is unsaved, one per editing
 * session, and the next start offers any copy that holds text no later save holds.
 */
export function recoveryHandlers(context: DeskContext): Handlers<'recovery'> {
  const { store } = context
  return {
    'recovery.put': ({ id, baseRevision, changes, session, seq }) =>
      context.serially(async () => {
        const savedAt = context.clock().toISOString()
        const { kept } = await store.recovery.put({
          id,
          session: session ?? unnamedSession,
          seq: seq ?? Date.parse(savedAt),
          baseRevision,
          savedAt,
          changes,
        })
        return { savedAt, kept }
      }),
    'recovery.list': () => store.recovery.list(),
    'recovery.discard': (id, session) =>
      context.serially(async () => {
        await store.recovery.drop(id, session)
        return { id }
      }),
  }
}
