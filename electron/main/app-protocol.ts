import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { contentSecurityPolicy } from '../../shared/security.js'
import { appFileFor, appScheme } from './app-scheme.js'
import { mediaScheme } from './media-protocol.js'

/**
 * Must run before the app is ready, once for every scheme: the app's own (`midad://app/`, a
 * standard secure origin, so `'self'` in the CSP is the app) and library images'.
 */
export function registerDeskSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: mediaScheme, privileges: { standard: true, secure: true } },
  ])
}

/** Serves the renderer's built files, and nothing else, with the CSP on every page. */
export function serveApp(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = appFileFor(request.url, rendererDir)
    const bytes = file ? await readFile(file.path).catch(() => null) : null
    if (!file || !bytes) return new Response('not found', { status: 404 })
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'X-Content-Type-Options': 'nosniff',
    }
    if (file.type.startsWith('text/html'))
      headers['Content-Security-Policy'] = contentSecurityPolicy
    return new Response(bytes, { headers })
  })
}
