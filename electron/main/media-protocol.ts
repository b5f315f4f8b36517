import { protocol } from 'electron'
import { readMedia } from '../core/media.js'
import type { LibraryLayout } from '../core/storage/layout.js'

/** The scheme library images are shown with in the desktop app: `midad-media://media/<id>/<file>`. */
export const mediaScheme = 'midad-media'

/** Serves library images, read through the core (names checked there), and nothing else. */
export function serveMedia(layout: LibraryLayout): void {
  protocol.handle(mediaScheme, async (request) => {
    const url = new URL(request.url)
    const [, articleId = '', file = ''] = url.pathname.split('/')
    const image =
      url.host === 'media' ? await readMedia(layout, articleId, decodeURIComponent(file)) : null
    if (!image) return new Response('not found', { status: 404 })
    return new Response(Buffer.from(image.bytes), {
      headers: { 'Content-Type': image.type, 'X-Content-Type-Options': 'nosniff' },
    })
  })
}
