import type { Article } from '../../../shared/article.js'
import { renderBodyHtml } from '../../../shared/render-html.js'
import type { Settings } from '../../../shared/settings.js'
import { serializeSiteText } from '../../../shared/site-text.js'

/** The article's public address on the site: `<site address>/<slug>`. */
export function articleUrl(article: Article, settings: Settings): string {
  const base = settings.siteAddress.replace(/\/+$/, '')
  return `${base}/${encodeURIComponent(article.slug || article.id)}`
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

/** The body as HTML (the same renderer as the preview); images are not exported yet. */
export function articleBodyHtml(article: Article): string {
  return renderBodyHtml(article.body)
}
