import type { Article } from '../../../shared/article.js'
import { escapeHtml } from '../../../shared/render-html.js'
import type { Settings } from '../../../shared/settings.js'
import {
  articleBodyHtml,
  articleUrl,
  correctionLines,
  correctionsHtml,
  publicationTime,
  siteImages,
  siteImageUrl,
  subjectsOf,
} from './article-views.js'

const siteRoot = (settings: Settings) => settings.siteAddress.replace(/\/+$/, '')
const feedTitle = (settings: Settings) => settings.newsroomName || 'Midad'

/** A batch of articles as JSON Feed 1.1. */
export function jsonFeed(articles: Article[], settings: Settings): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(settings),
    home_page_url: `${siteRoot(settings)}/`,
    feed_url: `${siteRoot(settings)}/feed.json`,
    language: 'ar',
    items: articles.map((article) => ({
      id: articleUrl(article, settings),
      url: articleUrl(article, settings),
      title: article.headline,
      content_html:
        articleBodyHtml(article, siteImages(article, settings)) +
        correctionsHtml(article, settings),
      ...(article.featuredImage
        ? { image: siteImageUrl(article, article.featuredImage.file, settings) }
        : {}),
      ...(article.summary ? { summary: article.summary } : {}),
      date_published: publicationTime(article),
      date_modified: article.updatedAt,
      ...(article.byline ? { authors: [{ name: article.byline }] } : {}),
      ...(subjectsOf(article).length ? { tags: subjectsOf(article) } : {}),
      language: 'ar',
    })),
  }
}

/** An item's description: its summary (else its body), then its corrections, each a line. */
const description = (article: Article, settings: Settings) =>
  article.summary
    ? [article.summary, ...correctionLines(article, settings)].join('\n')
    : articleBodyHtml(article, siteImages(article, settings)) + correctionsHtml(article, settings)

/** A batch of articles as RSS 2.0 (dates in RFC 822, every text escaped). */
export function rssFeed(articles: Article[], settings: Settings): string {
  const items = articles.map((article) => {
    const url = escapeHtml(articleUrl(article, settings))
    const categories = subjectsOf(article).map(
      (name) => `      <category>${escapeHtml(name)}</category>`,
    )
    return [
      '    <item>',
      `      <title>${escapeHtml(article.headline)}</title>`,
      `      <link>${url}</link>`,
      `      <guid isPermaLink="true">${url}</guid>`,
      `      <pubDate>${new Date(publicationTime(article)).toUTCString()}</pubDate>`,
      `      <description>${escapeHtml(description(article, settings))}</description>`,
      ...categories,
      '    </item>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    `    <title>${escapeHtml(feedTitle(settings))}</title>`,
    `    <link>${escapeHtml(siteRoot(settings))}/</link>`,
    `    <description>${escapeHtml(feedTitle(settings))}</description>`,
    '    <language>ar</language>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}
