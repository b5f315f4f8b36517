import type { WebPreferences } from 'electron'

/** The main window's web preferences: sandboxed, isolated, no Node, nothing extra. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads its dictionaries; the desk checks with its own (Ayaspell).
    spellcheck: false,
  }
}
