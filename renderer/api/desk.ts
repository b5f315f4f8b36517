import { buildDeskApi, type DeskApi } from '../../shared/contract.js'
import { httpTransport, takeToken } from './http-client.js'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    midad?: DeskApi
  }
}

/**
 * The one place the renderer picks its transport: Electron's preload when it is there,
 * else the browser host over HTTP with the launch token. Null when neither is available.
 */
export function connectDesk(): DeskApi | null {
  if (window.midad) return window.midad
  const token = takeToken(window.location, window.sessionStorage, window.history)
  return token ? buildDeskApi(httpTransport(token)) : null
}
