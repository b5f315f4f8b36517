import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/** A static file of the built renderer, or null when the path is not one. */
export async function readStaticFile(
  root: string,
  pathname: string,
): Promise<{ body: Buffer; type: string } | null> {
  let relative: string
  try {
    relative = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  if (relative === '/' || relative === '') relative = '/index.html'
  const path = normalize(join(root, relative))
  // Never serve anything outside the renderer's folder, whatever the path says.
  if (!path.startsWith(normalize(root) + sep)) return null
  try {
    if (!(await stat(path)).isFile()) return null
    return {
      body: await readFile(path),
      type: contentTypes[extname(path)] ?? 'application/octet-stream',
    }
  } catch {
    return null
  }
}
