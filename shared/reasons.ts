import { type ImportReasonCode, importReasonCodes, importReasonText } from './import-reasons.js'

/**
 * Why the desk said no, as data: a code, the field it concerns, and the values to word it with.
 * Every refusal, validation failure and failed write carries these in `error.details` beside
 * its English `message` and `reasons` (kept for the CLI, logs and outside tools); each UI
 * dictionary words each code in its own language (`reason_<code>` with {param} slots).
 */
export const reasonCodes = [
  'move-not-allowed',
  'return-needs-note',
  'schedule-needs-time',
  'schedule-time-passed',
  'field-required',
  'field-too-long',
  'section-unknown',
  'body-empty',
  'invalid-argument',
  'article-not-found',
  'revision-conflict',
  'not-saved',
  'read-only',
  'library-locked',
  'image-too-large',
  'image-unknown-kind',
  'paragraph-missing',
  'note-not-found',
  'publish-failed',
  'feed-not-article',
  'pdf-needs-desktop',
  'export-outside-folder',
  'export-folder-not-allowed',
  'folder-needs-desktop',
  'export-names-clash',
  'article-unreadable',
  'recovery-not-kept',
  'desk-closed-at-time',
  'revision-not-kept',
  'published-needs-correction',
  'correction-needs-note',
  'article-not-trashed',
  'published-on-schedule',
  'backup-not-found',
  'restore-while-joined',
  'export-name-taken',
  'style-blocks-ready',
  'spelling-unavailable',
  ...importReasonCodes,
] as const

export type ReasonCode = (typeof reasonCodes)[number]

/** One reason, as it travels in `error.details`. */
export interface Reason {
  code: ReasonCode
  /** The article field (or argument path) it concerns, where there is one. */
  field?: string
  params?: Record<string, string | number>
}

/** A reason with its field and values (a shorthand for the places that build them). */
export function reason(
  code: ReasonCode,
  params?: Record<string, string | number>,
  field?: string,
): Reason {
  return { code, ...(field !== undefined ? { field } : {}), ...(params ? { params } : {}) }
}

/** English for the reasons a move is refused (the CLI's lines, `error.reasons`). */
export function reasonText(given: Reason): string {
  const p = given.params ?? {}
  switch (given.code) {
    case 'move-not-allowed':
      return `${p.from} → ${p.to} is not an allowed move (from ${p.from}: ${p.allowed || 'none'})`
    case 'return-needs-note':
      return 'returning a story to its writer needs a note saying why'
    case 'correction-needs-note':
      return 'a correction needs a note saying what was corrected'
    case 'schedule-needs-time':
      return 'scheduling needs a time (--at)'
    case 'schedule-time-passed':
      return `the time ${p.at} has already passed`
    case 'field-required':
      return `${given.field} is required`
    case 'field-too-long':
      return `${given.field} is ${p.length} characters long; the limit is ${p.limit}`
    case 'section-unknown':
      return `section «${p.section}» is not in the managed list`
    case 'body-empty':
      return 'the article has no text'
    case 'style-blocks-ready':
      return `${p.count} house-style finding(s) at ${p.threshold} or above: fix them, or override with a reason (--override)`
    case 'desk-closed-at-time':
      return 'the desk was not running at the scheduled time'
    case 'published-on-schedule':
      return 'published on schedule'
    default:
      if ((importReasonCodes as readonly string[]).includes(given.code))
        return importReasonText(given.code as ImportReasonCode, p)
      return [given.code, ...Object.values(p)].join(': ')
  }
}
