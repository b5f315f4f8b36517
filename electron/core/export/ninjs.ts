import type { Article } from '../../../shared/article.js'
import type { Settings } from '../../../shared/settings.js'
import {
  articleBodyHtml,
  articleUrl,
  corrections,
  publicationTime,
  siteImages,
  subjectsOf,
} from './article-views.js'

/** NINJS publication status from the workflow state (newsroom.md). */
function pubstatus(article: Article): 'usable' | 'withheld' | 'canceled' {
  if (article.state === 'draft' || article.state === 'in_review') return 'withheld'
  if (article.state === 'withdrawn') return 'canceled'
  return 'usable'
}

/** The article as IPTC NINJS 2.2; `versioncreated` is the revision's time, so a re-export is identical. */
export function articleNinjs(article: Article, settings: Settings): Record<string, unknown> {
  const subjects = subjectsOf(article).map((name) => ({ name }))
  return {
    uri: articleUrl(article, settings),
    type: 'text',
    profile: 'midad-article',
    version: String(article.revision),
    language: 'ar',
    headlines: [
      { role: 'main', value: article.headline },
      ...(article.kicker ? [{ role: 'kicker', value: article.kicker }] : []),
    ],
    // The slugline is the story's short name among editors: its slug, not its kicker.
    ...(article.slug ? { slugline: article.slug } : {}),
    ...(article.summary ? { descriptions: [{ role: 'summary', value: article.summary }] } : {}),
    bodies: [
      { contenttype: 'text/html', value: articleBodyHtml(article, siteImages(article, settings)) },
    ],
    ...(article.byline ? { by: article.byline } : {}),
    ...(article.place ? { located: article.place } : {}),
    ...(article.source ? { infosources: [{ name: article.source }] } : {}),
    ...(subjects.length ? { subjects } : {}),
    // Corrections, for the receiving desk: each with its time (NINJS's note to editors).
    ...(corrections(article).length
      ? {
          ednote: corrections(article)
            .map((c) => `تصحيح ${c.at}: ${c.note}`)
            .join('\n'),
        }
      : {}),
    urgency: article.priority,
    pubstatus: pubstatus(article),
    firstcreated: article.createdAt,
    versioncreated: article.updatedAt,
    contentcreated: publicationTime(article),
  }
}
