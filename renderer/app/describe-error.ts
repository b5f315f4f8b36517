import type { ProfileField } from '../../shared/content-profile.js'
import type { Reason, ReasonCode } from '../../shared/reasons.js'
import type { DeskError, ErrorCode } from '../../shared/result.js'
import type { Dictionary } from '../i18n/ar.js'
import { fill, stateLabel } from '../i18n/i18n.js'
import type { ArticleState } from '../../shared/article.js'
import { fieldLabel } from './findings.js'

const camel = (code: string) => code.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())

/** The dictionary key that words a reason code (`reason_<code>` in camel case). */
export function reasonKey(code: ReasonCode): keyof Dictionary {
  return `reason_${camel(code)}` as keyof Dictionary
}

/** One reason in the UI's language: its field and states by their labels, its values filled in. */
export function reasonWords(words: Dictionary, given: Reason): string {
  const params: Record<string, string | number> = { ...given.params }
  const field = given.field as ProfileField | 'body' | undefined
  params.field = field && field in fieldLabel ? words[fieldLabel[field]] : (given.field ?? '')
  for (const key of ['from', 'to'] as const) {
    if (typeof params[key] === 'string')
      params[key] = stateLabel(words, params[key] as ArticleState)
  }
  if (given.code === 'not-saved') {
    const why = { 'disk-full': 'DiskFull', 'no-permission': 'NoPermission' }[String(params.why)]
    params.why = fill(words[`reason_notSaved${why ?? 'Other'}` as keyof Dictionary], params)
  }
  return fill(words[reasonKey(given.code)], params)
}

/**
 * A failed call in the UI's language: its reasons worded by the dictionary (after what kind of
 * failure it is, when there are several or it was a refusal); the English message only where a
 * failure carries no reasons as data.
 */
export function describeError(words: Dictionary, error: DeskError): string {
  const details = error.details ?? []
  if (details.length === 0) return [error.message, ...(error.reasons ?? [])].join(' — ')
  const worded = details.map((detail) => reasonWords(words, detail))
  if (details.length === 1 && error.code !== 'refused') return worded[0]!
  const head = words[`failure_${camel(error.code)}` as keyof Dictionary]
  return [head, ...worded].join(' — ')
}

/** The failure kinds, for the dictionary test: each has its word. */
export const failureKinds: ErrorCode[] = [
  'refused',
  'invalid-input',
  'not-found',
  'conflict',
  'locked',
  'io',
]

/**
 * How many house-style findings keep a move to ready, when that is all that keeps it (the
 * editor may then override with a reason); null for any other refusal.
 */
export function findingsToOverride(error: DeskError): number | null {
  const details = error.details ?? []
  if (details.length !== 1 || details[0]?.code !== 'style-blocks-ready') return null
  return Number(details[0].params?.count ?? 0)
}
