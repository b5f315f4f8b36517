import { protocol } from 'electron'
import type { MediaReader } from '../core/media.js'

/** The scheme library images are shown with in the desktop app: `midad-media://media/<id>/<file>`. */
export const mediaScheme = 'midad-media'

/**
 * Serves library images, read through the core (names checked there; on a team desk fetched
 * from the team when first shown), and nothing else.
 */
export function serveMedia(readMedia: MediaReader): void {
  protocol.handle(mediaScheme, async (request) => {
    const url = new URL(request.url)
    const [, articleId = '', file = ''] = url.pathname.split('/')
    const image = url.host === 'media' ? await readMedia(articleId, decodeURIComponent(file)) : null
    if (!image) return new Response('not found', { status: 404 })
    return new Response(Buffer.from(image.bytes), {
      headers: { 'Content-Type': image.type, 'X-Content-Type-Options': 'nosniff' },
    })
  })
}
