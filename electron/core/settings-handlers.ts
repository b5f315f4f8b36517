import type { DeskContext, Handlers } from './desk-context.js'

/** The `settings.*` methods. */
export function settingsHandlers({ store, serially, systemUser }: DeskContext) {
  const handlers: Handlers<'settings'> = {
    'settings.get': async () => ({ ...store.settings() }),
    'settings.editor': async () => ({
      name: store.settings().editorName || systemUser,
      systemUser,
    }),
    'settings.update': (patch) =>
      serially(async () => {
        const next = { ...store.settings() }
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) Object.assign(next, { [key]: value })
        }
        // Settings that did not reach the disk are not in force either (writeSettings says so).
        await store.writeSettings(next)
        return { ...next }
      }),
  }
  return handlers
}
