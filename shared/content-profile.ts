import type { ArticleFields } from './article.js'
import { type Reason, reason } from './reasons.js'
import { graphemes } from './slug.js'

/** Fields the content profile governs. */
export const profileFields = [
  'headline',
  'kicker',
  'summary',
  'section',
  'byline',
  'source',
  'place',
  'publishedAt',
  'tags',
] as const

/** One governed field. */
export type ProfileField = (typeof profileFields)[number]

/** Whether a field must be filled, and its longest length in graphemes (null: no limit). */
export interface FieldRule {
  required: boolean
  max: number | null
}

/** Required fields and length limits: the newsroom's defaults, and overrides per section. */
export interface ContentProfile {
  rules: Record<ProfileField, FieldRule>
  sections: Record<string, Partial<Record<ProfileField, FieldRule>>>
}

const open: FieldRule = { required: false, max: null }

/** The defaults (Superdesk's): headline required, ≤ 64 graphemes; section required; summary ≤ 160. */
export const defaultContentProfile: ContentProfile = {
  rules: {
    headline: { required: true, max: 64 },
    kicker: open,
    summary: { required: false, max: 160 },
    section: { required: true, max: null },
    byline: open,
    source: open,
    place: open,
    publishedAt: open,
    tags: open,
  },
  sections: {},
}

/** Why an article is not ready: one finding per broken rule. */
export interface Finding {
  field: ProfileField | 'body'
  rule: 'required' | 'max' | 'unknown-section' | 'empty-body'
  limit?: number
  actual?: number
  /** The section named that is not managed (unknown-section). */
  section?: string
  /** The reason in plain English, for the CLI and the wire; the UI words it in its language. */
  message: string
}

/** The rules that apply to an article of a section. */
export function rulesFor(
  profile: ContentProfile,
  section: string,
): Record<ProfileField, FieldRule> {
  return { ...profile.rules, ...(profile.sections[section] ?? {}) }
}

/** A field's length as the rules count it: graphemes (tags: how many). */
export function fieldLength(fields: Partial<ArticleFields>, field: ProfileField): number {
  const value = fields[field]
  if (Array.isArray(value)) return value.length
  return typeof value === 'string' ? graphemes(value.trim()).length : value ? 1 : 0
}

/**
 * Checks an article against the content profile and the managed sections. The UI runs it live,
 * beside each field; the core runs it again before an article may become ready.
 */
export function checkArticle(
  fields: Partial<ArticleFields> & { text?: string[] },
  profile: ContentProfile,
  sections: readonly string[],
): Finding[] {
  const findings: Finding[] = []
  const rules = rulesFor(profile, fields.section ?? '')
  for (const field of profileFields) {
    const rule = rules[field]
    const length = fieldLength(fields, field)
    if (rule.required && length === 0) {
      findings.push({ field, rule: 'required', message: `${field} is required` })
    } else if (rule.max !== null && length > rule.max) {
      findings.push({
        field,
        rule: 'max',
        limit: rule.max,
        actual: length,
        message: `${field} is ${length} characters long; the limit is ${rule.max}`,
      })
    }
  }
  if (fields.section && !sections.includes(fields.section)) {
    findings.push({
      field: 'section',
      rule: 'unknown-section',
      section: fields.section,
      message: `section «${fields.section}» is not in the managed list`,
    })
  }
  if (fields.text !== undefined && fields.text.length === 0) {
    findings.push({ field: 'body', rule: 'empty-body', message: 'the article has no text' })
  }
  return findings
}

/** A finding as a reason (shared/reasons.ts), for `error.details`. */
export function findingReason(finding: Finding): Reason {
  switch (finding.rule) {
    case 'required':
      return reason('field-required', undefined, finding.field)
    case 'max':
      return reason(
        'field-too-long',
        { length: finding.actual ?? 0, limit: finding.limit ?? 0 },
        finding.field,
      )
    case 'unknown-section':
      return reason('section-unknown', { section: finding.section ?? '' }, 'section')
    case 'empty-body':
      return reason('body-empty', undefined, 'body')
  }
}
