import { BrowserWindow, shell } from 'electron'
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
  void window.loadURL(options.rendererUrl)
  return window
}
