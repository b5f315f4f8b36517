import { type Reason, reason, reasonText } from './reasons.js'
import {
  type SiteDateOptions,
  formatSiteDate,
  latinDigits,
  siteDateParts,
  siteMonthNames,
  zonedTimeToDate,
} from './site-date.js'

/** What the site's plain-text article holds. */
export interface SiteArticle {
  headline: string
  /** ISO 8601 UTC. */
  publishedAt: string
  visits: number
  comments: number
  section: string
  paragraphs: string[]
}

/** A parse that worked, with what was odd about the file. */
export interface SiteParse {
  ok: true
  article: SiteArticle
  warnings: Reason[]
}

/** A parse that failed: the line (1-based) and what was expected there. */
export interface SiteParseError {
  ok: false
  line: number
  reason: Reason
  message: string
}

const failed = (line: number, given: Reason): SiteParseError => ({
  ok: false,
  line,
  reason: given,
  message: reasonText(given),
})

const nbsp = '\u00a0'
/** One space and three no-break spaces: the site's separator inside the metadata line. */
const separator = ` ${nbsp}${nbsp}${nbsp}`
/** The line of eight no-break spaces the site puts between the metadata and the text. */
const spacer = nbsp.repeat(8)
const datePrefix = 'تاريخ الإضافة'

const isBlank = (line: string) => /^[\s\u00a0]*$/u.test(line)

/**
 * Reads the site's plain-text article. Accepts a BOM, CRLF line ends and a trailing newline;
 * keeps every code point of the headline and the paragraphs; a wrong weekday is a warning,
 * missing figures are 0, a missing headline or date line is an error naming the line.
 */
export function parseSiteText(input: string, timeZone: string): SiteParse | SiteParseError {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
  const warnings: Reason[] = []
  const headline = lines[0] ?? ''
  if (isBlank(headline)) return failed(1, reason('site-headline-missing'))
  let index = 1
  while (index < lines.length && isBlank(lines[index] ?? '')) index++
  const metaLine = lines[index] ?? ''
  if (!metaLine.startsWith(datePrefix)) {
    return failed(
      index + 1,
      reason('site-date-line-missing', { line: index + 1, prefix: datePrefix }),
    )
  }
  const atLine = (given: Reason): Reason => ({
    ...given,
    params: { ...given.params, line: index + 1 },
  })
  const meta = parseMetaLine(latinDigits(metaLine), timeZone)
  if (!meta.ok) return failed(index + 1, atLine(meta.reason))
  warnings.push(...meta.warnings.map(atLine))
  const paragraphs = lines.slice(index + 1).filter((line) => !isBlank(line))
  if (paragraphs.length === 0) warnings.push(reason('import-no-paragraphs'))
  return { ok: true, warnings, article: { headline, ...meta.fields, paragraphs } }
}

function parseMetaLine(
  line: string,
  timeZone: string,
):
  | { ok: true; fields: Omit<SiteArticle, 'headline' | 'paragraphs'>; warnings: Reason[] }
  | { ok: false; reason: Reason } {
  const warnings: Reason[] = []
  const date =
    /^تاريخ الإضافة[\s\u00a0]+(\S+)[\s\u00a0]+(\d{1,2})[\s\u00a0]+(.+?)[\s\u00a0]+(\d{4})[\s\u00a0]*-[\s\u00a0]*(\d{1,2}):(\d{2})[\s\u00a0]*(ص|م)/u.exec(
      line,
    )
  if (!date) {
    return { ok: false, reason: reason('site-date-line-unreadable') }
  }
  const [, weekday, day, monthName, year, hour12, minute, period] = date as unknown as string[]
  const month = siteMonthNames().indexOf(monthName ?? '') + 1
  if (month === 0) {
    return {
      ok: false,
      reason: reason('site-month-unknown', {
        month: monthName ?? '',
        months: siteMonthNames().join('، '),
      }),
    }
  }
  // «30 شباط» is refused, not carried over into March (which the text export would not give back).
  const days = new Date(Date.UTC(Number(year), month, 0)).getUTCDate()
  if (Number(day) > days) {
    return {
      ok: false,
      reason: reason('site-date-impossible', {
        day: Number(day),
        month: monthName ?? '',
        year: Number(year),
        days,
      }),
    }
  }
  const hour = (Number(hour12) % 12) + (period === 'م' ? 12 : 0)
  if (Number(hour12) > 12 || Number(minute) > 59 || Number(day) > 31 || Number(day) < 1) {
    return { ok: false, reason: reason('site-time-out-of-range') }
  }
  const published = zonedTimeToDate(
    { year: Number(year), month, day: Number(day), hour, minute: Number(minute) },
    timeZone,
  )
  const expected = siteDateParts(published, timeZone).weekday
  if (expected !== weekday)
    warnings.push(reason('site-weekday-mismatch', { weekday: weekday ?? '', expected }))
  const figure = (label: string): number => {
    const match = new RegExp(`${label}[\\s\\u00a0]+(\\d+)`, 'u').exec(line)
    if (!match) warnings.push(reason('site-figure-missing', { label }))
    return match ? Number(match[1]) : 0
  }
  const section = /القسم[\s\u00a0]+(.+?)[\s\u00a0]*$/u.exec(line)?.[1] ?? ''
  return {
    ok: true,
    warnings,
    fields: {
      publishedAt: published.toISOString(),
      visits: figure('عدد الزيارات'),
      comments: figure('التعليقات'),
      section,
    },
  }
}

/** The site's metadata line, as the site writes it (no added punctuation). */
export function siteMetaLine(
  article: Pick<SiteArticle, 'publishedAt' | 'visits' | 'comments' | 'section'>,
  timeZone: string,
  options: SiteDateOptions = {},
): string {
  const date = formatSiteDate(new Date(article.publishedAt), timeZone, options)
  const figure = (n: number) => (options.arabicDigits ? arabicIndicDigits(String(n)) : String(n))
  return (
    `${datePrefix} ${date}${separator}عدد الزيارات ${figure(article.visits)}` +
    `${separator}التعليقات ${figure(article.comments)}${separator}القسم ${article.section}`
  )
}

/** Latin digits written as Arabic-Indic ones (٠…٩). */
export function arabicIndicDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)))
}

/** Writes the site's plain-text article: LF line ends, no BOM, no trailing newline. */
export function serializeSiteText(article: SiteArticle, timeZone: string): string {
  return [
    article.headline,
    '',
    siteMetaLine(article, timeZone),
    '',
    spacer,
    '',
    '',
    '',
    article.paragraphs.join('\n\n'),
  ].join('\n')
}
