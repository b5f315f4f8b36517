import { extname, join, normalize, sep } from 'node:path'

/**
 * The desktop app's own origin: the renderer is served as `midad://app/…` from the build's
 * renderer folder, never from `file://`, so the CSP's `'self'` means the app and nothing else
 * on the disk. Pure: the protocol handler (app-protocol.ts) asks this which file a URL is.
 */
export const appScheme = 'midad'
export const appHost = 'app'
export const appIndexUrl = `${appScheme}://${appHost}/index.html`

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/**
 * The file of the renderer folder a URL names, with its type, or null: another scheme or host,
 * a path that climbs out (`..`, encoded or not), a null byte, or a kind of file the app has none
 * of.
 */
export function appFileFor(
  url: string,
  rendererDir: string,
): { path: string; type: string } | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^[/\\]+/, '')
  if (relative.split(/[/\\]/).includes('..')) return null
  const type = types[extname(relative).toLowerCase()]
  if (!type) return null
  const path = join(rendererDir, relative)
  if (!path.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep)) return null
  return { path, type }
}
