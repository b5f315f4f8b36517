import type { Finding, ProfileField } from '../../shared/content-profile.js'
import type { Dictionary } from '../i18n/ar.js'

/** A finding in the UI's language. */
export function findingText(words: Dictionary, finding: Finding): string {
  switch (finding.rule) {
    case 'required':
      return words.findingRequired
    case 'max':
      return words.findingMax
        .replace('{actual}', String(finding.actual ?? ''))
        .replace('{limit}', String(finding.limit ?? ''))
    case 'unknown-section':
      return words.findingUnknownSection
    case 'empty-body':
      return words.findingEmptyBody
  }
}

/** The findings about one field. */
export function findingsFor(findings: Finding[], field: ProfileField | 'body'): Finding[] {
  return findings.filter((finding) => finding.field === field)
}

/** The label of each governed field. */
export const fieldLabel: Record<ProfileField | 'body', keyof Dictionary> = {
  headline: 'headline',
  kicker: 'kicker',
  summary: 'summary',
  section: 'section',
  byline: 'byline',
  source: 'source',
  place: 'place',
  publishedAt: 'publishDate',
  tags: 'tags',
  body: 'body',
}
