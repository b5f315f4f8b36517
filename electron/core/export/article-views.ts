import type { Article } from '../../../shared/article.js'
import { type MediaResolver, bodyImageFiles, renderBodyHtml } from '../../../shared/render-html.js'
import type { MediaReader } from '../media.js'
import type { Settings } from '../../../shared/settings.js'
import { serializeSiteText } from '../../../shared/site-text.js'
import { safeFileStem } from '../../../shared/slug.js'

/** The article's public address on the site: `<site address>/<slug>`. */
/** The corrections a story went through, oldest first: when, and the note saying what. */
export function corrections(article: Article): { at: string; note: string }[] {
  return article.history
    .filter((transition) => transition.to === 'corrected' && transition.note)
    .map(({ at, note }) => ({ at, note }))
}

export function articleUrl(article: Article, settings: Settings): string {
  const base = settings.siteAddress.replace(/\/+$/, '')
  return `${base}/${encodeURIComponent(article.slug || article.id)}`
}

/** The name one of an article's library images gets among exported files: `<slug>-<file>`. */
export function exportImageName(article: Article, file: string): string {
  return `${safeFileStem(article.slug || article.id)}-${file}`
}

/** When the article counts as published: its publish date, else its last save. */
export function publicationTime(article: Article): string {
  return article.publishedAt ?? article.updatedAt
}

/** The article in the site's plain-text format. */
export function articleSiteText(article: Article, settings: Settings): string {
  return serializeSiteText(
    {
      headline: article.headline,
      publishedAt: publicationTime(article),
      visits: article.visits,
      comments: article.comments,
      section: article.section,
      paragraphs: article.text,
    },
    settings.timeZone,
  )
}

/** The body as HTML (the same renderer as the preview); images only where `media` has them. */
export function articleBodyHtml(article: Article, media: MediaResolver = () => null): string {
  return renderBodyHtml(article.body, media)
}

/** The body's library images as data URLs, so a standalone page carries them. */
export async function embeddedImages(article: Article, read?: MediaReader): Promise<MediaResolver> {
  const urls = new Map<string, string>()
  if (read) {
    for (const file of bodyImageFiles(article.body)) {
      const found = await read(article.id, file)
      if (found)
        urls.set(file, `data:${found.type};base64,${Buffer.from(found.bytes).toString('base64')}`)
    }
  }
  return (file) => urls.get(file) ?? null
}
