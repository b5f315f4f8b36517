import { BrowserWindow, shell } from 'electron'
import { beforeCloseScript } from '../../shared/before-close.js'
import { isSafeExternalUrl } from './external-links.js'
import { isAllowedNavigation } from './trust.js'
import { secureWebPreferences } from './web-preferences.js'

/** Opens the desk's window: secure preferences, no pop-ups, no navigation away. */
export function createDeskWindow(options: {
  rendererUrl: string
  preloadPath: string
  title: string
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: options.title,
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links leave the app only for the system browser, and only safe schemes.
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, options.rendererUrl)) event.preventDefault()
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  // Before the window goes, the page saves what it can and leaves a recovery copy; a page
  // that does not answer within a few seconds does not keep the window open.
  let closing = false
  window.on('close', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    const flushed = window.webContents.executeJavaScript(beforeCloseScript, true)
    const patience = new Promise((resolve) => setTimeout(resolve, 5000))
    void Promise.race([flushed, patience])
      .catch(() => undefined)
      .finally(() => window.destroy())
  })
  void window.loadURL(options.rendererUrl)
  return window
}
