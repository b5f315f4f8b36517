/**
 * Why a file was not imported, or what was odd about one that was: codes and their English
 * (the CLI's lines, the report's `reason`/`message`). Each entry of an import report carries its
 * code as `detail` beside the English, and the UI words it from its dictionary
 * (`reason_<code>`), as for every other reason (reasons.ts).
 */
export const importReasonCodes = [
  'import-unknown-kind',
  'import-not-text',
  'import-no-headline',
  'import-docx-unreadable',
  'import-file-too-large',
  'import-file-unreadable',
  'import-date-unreadable',
  'import-featured-outside',
  'import-images-left-out',
  'import-active-removed',
  'import-no-paragraphs',
  'import-sections-not-saved',
  'site-headline-missing',
  'site-date-line-missing',
  'site-date-line-unreadable',
  'site-month-unknown',
  'site-time-out-of-range',
  'site-date-impossible',
  'site-weekday-mismatch',
  'site-figure-missing',
] as const

export type ImportReasonCode = (typeof importReasonCodes)[number]

/** The English for an import reason, with its values (`line` prefixes a site-text line's). */
export function importReasonText(
  code: ImportReasonCode,
  p: Record<string, string | number>,
): string {
  const atLine = p.line === undefined ? '' : `line ${p.line}: `
  switch (code) {
    case 'import-unknown-kind':
      return `unknown kind of file (.${p.extension || '?'}); Midad imports ${p.known}`
    case 'import-active-removed':
      return `${p.count} piece(s) of active content removed (scripts, frames, event handlers, script links): the text is kept`
    case 'import-not-text':
      return 'the file is not UTF-8 text'
    case 'import-no-headline':
      return 'no headline: expected an h1 heading, a title, or a Title paragraph'
    case 'import-docx-unreadable':
      return `not a readable DOCX file: ${p.error}`
    case 'import-file-too-large':
      return `over ${p.limit} MB`
    case 'import-file-unreadable':
      return String(p.error)
    case 'import-date-unreadable':
      return `the date «${p.date}» was not understood`
    case 'import-featured-outside':
      return 'the featured image was left out: it is not held inside the file'
    case 'import-images-left-out':
      return `${p.count} image(s) left out: only PNG, JPEG, GIF or WebP images held inside the file, or linked from it inside the folder being imported, are imported`
    case 'import-no-paragraphs':
      return 'the article has no paragraphs'
    case 'import-sections-not-saved':
      return `the new sections were not saved in the settings: ${p.error}`
    case 'site-headline-missing':
      return 'expected the headline on line 1'
    case 'site-date-line-missing':
      return `expected the date line («${p.prefix} …») on line ${p.line}`
    case 'site-date-line-unreadable':
      return `${atLine}expected «تاريخ الإضافة <weekday> <day> <month> <year> - <h:mm> <ص|م>»`
    case 'site-month-unknown':
      return `${atLine}unknown month «${p.month}»; expected one of ${p.months}`
    case 'site-time-out-of-range':
      return `${atLine}the time or day is out of range`
    case 'site-date-impossible':
      return `${atLine}${p.month} ${p.year} has ${p.days} days, not ${p.day}`
    case 'site-weekday-mismatch':
      return `${atLine}the weekday «${p.weekday}» does not match the date (${p.expected})`
    case 'site-figure-missing':
      return `${atLine}no «${p.label}» figure: taken as 0`
  }
}
