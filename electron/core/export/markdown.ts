import { stringify } from 'yaml'
import type { Article } from '../../../shared/article.js'
import { type MarkdownImagePath, renderBodyMarkdown } from '../../../shared/render-markdown.js'
import type { Settings } from '../../../shared/settings.js'
import { articleUrl, corrections, publicationTime } from './article-views.js'

/**
 * The article's metadata as front matter, in the names static-site generators read (Hugo,
 * Jekyll, Eleventy: title, date, author, tags, image) and Midad's own for the rest. Written by a
 * YAML library, so a quote, colon or newline in a field is data, never syntax.
 */
function frontMatter(article: Article, settings: Settings, imagePath?: MarkdownImagePath) {
  const featured = article.featuredImage
  const image = featured ? imagePath?.(featured.file) : null
  const fields: Record<string, unknown> = {
    title: article.headline,
    kicker: article.kicker || undefined,
    summary: article.summary || undefined,
    date: publicationTime(article),
    section: article.section || undefined,
    author: article.byline || undefined,
    place: article.place || undefined,
    source: article.source || undefined,
    tags: article.tags.length ? article.tags : undefined,
    slug: article.slug,
    url: articleUrl(article, settings),
    image: image || undefined,
    image_alt: image && featured?.alt ? featured.alt : undefined,
    image_caption: image && featured?.caption ? featured.caption : undefined,
    corrections: corrections(article).length
      ? corrections(article).map((c) => ({ date: c.at, note: c.note }))
      : undefined,
  }
  const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  // Long lines are not folded: a reader that folds differently still reads the same text.
  return stringify(present, {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  })
}

/**
 * The article as CommonMark with front matter, for static-site hand-off: the metadata in the
 * front matter, the body with only the formatting the writer gave it; its images where
 * `imagePath` puts them (files beside it, or data URLs for a file that travels alone).
 */
export function articleMarkdown(
  article: Article,
  settings: Settings,
  imagePath?: MarkdownImagePath,
): string {
  const body = renderBodyMarkdown(article.body, imagePath)
  return `---\n${frontMatter(article, settings, imagePath)}---\n\n${body}\n`
}
