import type { Article } from '../../../shared/article.js'
import { type MarkdownImagePath, renderBodyMarkdown } from '../../../shared/render-markdown.js'
import type { Settings } from '../../../shared/settings.js'
import { articleUrl, publicationTime } from './article-views.js'

const quoted = (value: string) => JSON.stringify(value)

/**
 * The article as CommonMark with front matter, for static-site hand-off; its images where
 * `imagePath` puts them (files beside it, or data URLs for a file that travels alone).
 */
export function articleMarkdown(
  article: Article,
  settings: Settings,
  imagePath?: MarkdownImagePath,
): string {
  const front = [
    '---',
    `title: ${quoted(article.headline)}`,
    `date: ${publicationTime(article)}`,
    ...(article.section ? [`section: ${quoted(article.section)}`] : []),
    ...(article.byline ? [`author: ${quoted(article.byline)}`] : []),
    ...(article.summary ? [`summary: ${quoted(article.summary)}`] : []),
    ...(article.tags.length ? [`tags: [${article.tags.map(quoted).join(', ')}]`] : []),
    `slug: ${quoted(article.slug)}`,
    `url: ${articleUrl(article, settings)}`,
    '---',
  ]
  return `${front.join('\n')}\n\n# ${article.headline}\n\n${renderBodyMarkdown(article.body, imagePath)}\n`
}
