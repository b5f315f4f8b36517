import type { App, Session, WebContents } from 'electron'
import { isSafeExternalUrl } from './external-links.js'
import { isAllowedPermission } from './permissions.js'
import { isAllowedNavigation } from './trust.js'

/**
 * The app-wide guards, set before any window: every web contents the app ever creates (the
 * desk's window, anything a page might open) attaches no webview, navigates nowhere but within
 * our page, and opens no window (a safe link goes to the system browser).
 */
export function guardApp(
  app: Pick<App, 'on'>,
  rendererUrl: string,
  openExternal: (url: string) => Promise<void>,
): void {
  app.on('web-contents-created', (_event, contents) =>
    guardContents(contents, rendererUrl, openExternal),
  )
}

/** The session's permission handlers (the session exists once the app is ready). */
export function guardSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  rendererUrl: string,
): void {
  session.setPermissionRequestHandler((contents, permission, grant, details) =>
    grant(isAllowedPermission(permission, details.requestingUrl ?? contents.getURL(), rendererUrl)),
  )
  session.setPermissionCheckHandler((_contents, permission, origin) =>
    isAllowedPermission(permission, origin, rendererUrl),
  )
}

/** One web contents held to the desk's page (exported for its tests, which pass a stand-in). */
export function guardContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  rendererUrl: string,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-attach-webview', (event) => event.preventDefault())
  const stay = (event: { preventDefault: () => void }, url: string) => {
    if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault()
  }
  contents.on('will-navigate', stay)
  contents.on('will-redirect', stay)
  contents.setWindowOpenHandler(({ url }) => {
    // Links leave the app only for the system browser, and only safe schemes.
    if (isSafeExternalUrl(url)) void openExternal(url)
    return { action: 'deny' }
  })
}
