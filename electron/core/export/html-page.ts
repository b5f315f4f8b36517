import type { Article } from '../../../shared/article.js'
import { escapeHtml, isolatedHtml } from '../../../shared/render-html.js'
import type { Settings } from '../../../shared/settings.js'
import { formatHijriDate, formatSiteDate } from '../../../shared/site-date.js'
import {
  articleBodyHtml,
  articleUrl,
  correctionsHtml,
  embeddedImages,
  publicationTime,
  publisherName,
  siteImageUrl,
} from './article-views.js'
import type { MediaReader } from '../media.js'
import { embeddedFontCss } from './fonts.js'

const pageCss = `
body{margin:0;background:#fff;color:#1d2430;font-family:'Noto Naskh Arabic',serif;line-height:1.9}
article{max-width:46rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:2rem;line-height:1.4;font-weight:700;margin:.25rem 0 .75rem}
.kicker{color:#a4262c;font-weight:700;margin:0}
.summary{font-size:1.15rem;color:#3a4250}
.dateline{color:#5d6675;font-size:.95rem;margin:0}
.body p,.body li,.body blockquote{font-size:1.15rem}
blockquote{border-inline-start:4px solid #d9dde3;margin-inline:0;padding-inline-start:1rem;color:#3a4250}
.align-center{text-align:center}.align-justify{text-align:justify}
.align-left{text-align:left}.align-right{text-align:right}
figure{margin:1rem 0}figure img{max-width:100%;height:auto}figcaption{color:#5d6675;font-size:.9rem}
@media print{article{padding:0}}
`

/** The featured image embedded as a data URL, so the page stays one file. */
async function featuredFigure(article: Article, media?: MediaReader): Promise<string> {
  const image = article.featuredImage
  if (!image || !media) return ''
  const found = await media(article.id, image.file)
  if (!found) return ''
  const src = `data:${found.type};base64,${Buffer.from(found.bytes).toString('base64')}`
  const caption = image.caption ? `<figcaption>${isolatedHtml(image.caption)}</figcaption>` : ''
  return `\n<figure><img src="${src}" alt="${escapeHtml(image.alt)}">${caption}</figure>`
}

/** JSON for a <script> element: `<` escaped so nothing in the text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/</g, '\\u003c')
}

/** schema.org NewsArticle for the article. */
export function newsArticleJsonLd(article: Article, settings: Settings): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(article.summary ? { description: article.summary } : {}),
    inLanguage: 'ar',
    datePublished: publicationTime(article),
    dateModified: article.updatedAt,
    // A byline is a person; without one the newsroom is the author (search engines want one).
    author: article.byline
      ? [{ '@type': 'Person', name: article.byline }]
      : [{ '@type': 'Organization', name: publisherName(settings) }],
    ...(article.featuredImage
      ? { image: [siteImageUrl(article, article.featuredImage.file, settings)] }
      : {}),
    ...(article.section ? { articleSection: article.section } : {}),
    // A list, not one comma line: a tag may hold a comma of its own.
    ...(article.tags.length ? { keywords: article.tags } : {}),
    ...(article.place ? { contentLocation: { '@type': 'Place', name: article.place } } : {}),
    mainEntityOfPage: articleUrl(article, settings),
    publisher: { '@type': 'Organization', name: publisherName(settings) },
  }
}

/**
 * One self-contained HTML5 page: right to left, fonts embedded, NewsArticle JSON-LD. The
 * site's reader figures are left out. The same revision always gives the same bytes.
 */

export async function articleHtmlPage(
  article: Article,
  settings: Settings,
  media?: MediaReader,
): Promise<string> {
  const figure = await featuredFigure(article, media)
  const when = new Date(publicationTime(article))
  const dateOptions = { arabicDigits: settings.digits === 'arab' }
  const dateline = [
    article.place,
    article.byline,
    formatSiteDate(when, settings.timeZone, dateOptions),
  ]
    .filter(Boolean)
    .map(escapeHtml)
    .join(' — ')
  const hijri = settings.hijriLine
    ? `\n<p class="dateline">${escapeHtml(formatHijriDate(when, settings.timeZone, dateOptions))}</p>`
    : ''
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.headline)}</title>
${article.summary ? `<meta name="description" content="${escapeHtml(article.summary)}">\n` : ''}<link rel="canonical" href="${escapeHtml(articleUrl(article, settings))}">
<style>
${await embeddedFontCss()}
${pageCss.trim()}
</style>
<script type="application/ld+json">
${scriptJson(newsArticleJsonLd(article, settings))}
</script>
</head>
<body>
<article>
${article.kicker ? `<p class="kicker">${isolatedHtml(article.kicker)}</p>\n` : ''}<h1>${isolatedHtml(article.headline)}</h1>
${article.summary ? `<p class="summary">${isolatedHtml(article.summary)}</p>\n` : ''}<p class="dateline">${dateline}</p>${hijri}${figure}
<div class="body">
${articleBodyHtml(article, await embeddedImages(article, media))}
</div>${correctionsHtml(article, settings)}
</article>
</body>
</html>
`
}
