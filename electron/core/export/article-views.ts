import type { Article } from '../../../shared/article.js'
import {
  type MediaResolver,
  bodyImageFiles,
  escapeHtml,
  isolatedHtml,
  renderBodyHtml,
} from '../../../shared/render-html.js'
import { formatSiteDate } from '../../../shared/site-date.js'
import type { MediaReader } from '../media.js'
import type { Settings } from '../../../shared/settings.js'
import { serializeSiteText } from '../../../shared/site-text.js'
import { fitFileName, safeFileStem } from '../../../shared/slug.js'

/** The corrections a story went through, oldest first: when, and the note saying what. */
export function corrections(article: Article): { at: string; note: string }[] {
  return article.history
    .filter((transition) => transition.to === 'corrected' && transition.note)
    .map(({ at, note }) => ({ at, note }))
}

/** The word the site puts before a correction line. */
export const correctionLabel = 'تصحيح'

/** Each correction as the site's line: «تصحيح (<its date line>): <note>». */
export function correctionLines(article: Article, settings: Settings): string[] {
  return corrections(article).map(
    (c) => `${correctionLabel} (${formatSiteDate(new Date(c.at), settings.timeZone)}): ${c.note}`,
  )
}

/** Each correction as an HTML line under the story (pages and feeds), the label in bold. */
export function correctionsHtml(article: Article, settings: Settings): string {
  return corrections(article)
    .map((c) => {
      const when = escapeHtml(formatSiteDate(new Date(c.at), settings.timeZone))
      return `\n<p class="correction" dir="rtl"><strong>${correctionLabel}</strong> (${when}): ${isolatedHtml(c.note)}</p>`
    })
    .join('')
}

/** The article's public address on the site: `<site address>/<slug>`. */
export function articleUrl(article: Article, settings: Settings): string {
  const base = settings.siteAddress.replace(/\/+$/, '')
  return `${base}/${encodeURIComponent(article.slug || article.id)}`
}

/** The name one of an article's library images gets among exported files: `<slug>-<file>`. */
export function exportImageName(article: Article, file: string): string {
  return fitFileName(safeFileStem(article.slug || article.id), `-${file}`)
}

/** Where a library image of the article is on the site: beside its page, as exports name it. */
export function siteImageUrl(article: Article, file: string, settings: Settings): string {
  const base = settings.siteAddress.replace(/\/+$/, '')
  return `${base}/${encodeURIComponent(exportImageName(article, file))}`
}

/** The body's images at their site addresses (for feeds, read away from the export folder). */
export function siteImages(article: Article, settings: Settings): MediaResolver {
  return (file) => siteImageUrl(article, file, settings)
}

/** The section and the tags, each once (a tag equal to the section is not a second subject). */
export function subjectsOf(article: Article): string[] {
  return [...new Set([article.section, ...article.tags].filter(Boolean))]
}

/** Who publishes: the newsroom's name, else the site's host name. */
export function publisherName(settings: Settings): string {
  if (settings.newsroomName) return settings.newsroomName
  try {
    return new URL(settings.siteAddress).hostname || 'Midad'
  } catch {
    return 'Midad'
  }
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
      // Corrections close the story, as the site prints them: one line each.
      paragraphs: [...article.text, ...correctionLines(article, settings)],
    },
    settings.timeZone,
  )
}

/** The body as HTML (the same renderer as the preview); images only where `media` has them. */
export function articleBodyHtml(article: Article, media: MediaResolver = () => null): string {
  return renderBodyHtml(article.body, media)
}

/** The library images an article shows: its body's, then its featured image. */
export function articleImageFiles(article: Article): string[] {
  const files = bodyImageFiles(article.body)
  const featured = article.featuredImage?.file
  return featured && !files.includes(featured) ? [...files, featured] : files
}

/** The article's library images as data URLs, so a standalone page carries them. */
export async function embeddedImages(article: Article, read?: MediaReader): Promise<MediaResolver> {
  const urls = new Map<string, string>()
  if (read) {
    for (const file of articleImageFiles(article)) {
      const found = await read(article.id, file)
      if (found)
        urls.set(file, `data:${found.type};base64,${Buffer.from(found.bytes).toString('base64')}`)
    }
  }
  return (file) => urls.get(file) ?? null
}
