import { createHash } from 'node:crypto'
import type { Article } from '../../shared/article.js'

/** A digest of what an editor wrote and where it stands: what a confirmed save must keep. */
export function articleDigest(article: Article): string {
  const { headline, kicker, body, state, revision } = article
  return createHash('sha256')
    .update(JSON.stringify({ headline, kicker, body, state, revision }))
    .digest('hex')
    .slice(0, 16)
}
