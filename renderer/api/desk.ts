import { buildDeskApi, type DeskApi } from '../../shared/contract.js'
import { httpTransport, takeToken } from './http-client.js'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    midad?: DeskApi
  }
}

/** The address of a library image for an <img>: a URL cannot carry a header. */
export type MediaUrl = (articleId: string, file: string) => string

/**
 * The one place the renderer picks its transport: Electron's preload when it is there,
 * else the browser host over HTTP with the launch token. Null when neither is available.
 */
export function connectDesk(): { desk: DeskApi; mediaUrl: MediaUrl } | null {
  const path = (articleId: string, file: string) =>
    `${encodeURIComponent(articleId)}/${encodeURIComponent(file)}`
  if (window.midad) {
    return { desk: window.midad, mediaUrl: (id, file) => `midad-media://media/${path(id, file)}` }
  }
  const token = takeToken(window.location, window.sessionStorage, window.history)
  if (!token) return null
  return {
    desk: buildDeskApi(httpTransport(token)),
    mediaUrl: (id, file) => `/media/${path(id, file)}?token=${encodeURIComponent(token)}`,
  }
}
