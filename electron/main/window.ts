import { BrowserWindow } from 'electron'
import { beforeCloseScript } from '../../shared/before-close.js'
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
  // No pop-ups, navigation or webviews: guards.ts holds every web contents to that.
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
