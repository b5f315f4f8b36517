import type { ArticleFields } from './article.js'
import { checkArticle, type Finding, type ProfileField, rulesFor } from './content-profile.js'
import {
  checkHouseStyle,
  type HouseRuleId,
  houseRules,
  reaches,
  type Severity,
  type StyleFinding,
  styledParagraphs,
} from './house-style.js'
import type { Settings } from './settings.js'

/**
 * Everything a proofreader and the content profile say about one article, in one list: what
 * `midad check` prints and the editor's «التدقيق» tab shows. House-style findings keep their
 * rule ids; content-profile findings are `profile-<rule>`, always errors (they block every move
 * to the site, as they did before house style).
 */
export interface ArticleFinding {
  rule: HouseRuleId | `profile-${Finding['rule']}`
  /** The field the finding is in: the headline (paragraph 0), the body (1…n), or metadata. */
  field: ProfileField | 'body'
  /** 0 for the headline, 1-based body paragraphs (styledParagraphs); 0 for metadata fields. */
  paragraph: number
  /** UTF-16 units inside the paragraph's text as stored (0 and 0 for a whole field). */
  offset: number
  length: number
  severity: Severity
  message: string
  suggestion?: string
  /** A content-profile length finding's limit and the field's length. */
  limit?: number
  actual?: number
}

/** The house style settings as the checker takes them, the headline limit settled. */
export function houseStyleFor(settings: Settings, section: string) {
  const { houseStyle, contentProfile } = settings
  return {
    ...houseStyle,
    headlineLimit: houseStyle.headlineLimit ?? rulesFor(contentProfile, section).headline.max,
  }
}

/** Answers whether a word (a `spellingKey`) is misspelled: the spellchecker, when there is one. */
export type Misspelled = (key: string) => boolean

/** The house-style findings of an article under the newsroom's settings. */
export function styleFindings(
  article: Pick<ArticleFields, 'headline' | 'body' | 'section'>,
  settings: Settings,
  misspelled?: Misspelled,
): StyleFinding[] {
  const style = houseStyleFor(settings, article.section)
  return checkHouseStyle(styledParagraphs(article), style, misspelled)
}

/** Every finding: house style first (in text order), then the content profile's. */
export function articleFindings(
  article: Partial<ArticleFields> & Pick<ArticleFields, 'headline' | 'body'>,
  settings: Settings,
  misspelled?: Misspelled,
): ArticleFinding[] {
  const style = styleFindings({ section: '', ...article }, settings, misspelled).map(
    (finding): ArticleFinding => ({
      ...finding,
      field: finding.paragraph === 0 ? 'headline' : 'body',
    }),
  )
  const text = styledParagraphs(article).slice(1)
  const profile = checkArticle({ ...article, text }, settings.contentProfile, settings.sections)
  return [
    ...style,
    ...profile.map((finding): ArticleFinding => ({
      rule: `profile-${finding.rule}`,
      field: finding.field,
      paragraph: 0,
      offset: 0,
      length: 0,
      severity: 'error',
      message: finding.message,
      ...(finding.limit !== undefined ? { limit: finding.limit, actual: finding.actual } : {}),
    })),
  ]
}

/** Whether spelling findings could keep an article from becoming ready (worth a dictionary). */
export function spellingCanBlock(settings: Settings): boolean {
  const { off, severities } = settings.houseStyle
  if (off.includes('spelling')) return false
  return reaches(severities.spelling ?? houseRules.spelling.severity, settings.readinessThreshold)
}

/** The house-style findings that keep an article from becoming ready without an override. */
export function blockingFindings(findings: StyleFinding[], settings: Settings): StyleFinding[] {
  return findings.filter((finding) => reaches(finding.severity, settings.readinessThreshold))
}
