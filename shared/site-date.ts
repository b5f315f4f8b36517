/** Options for the site's date line beyond the site's own form (preview, HTML, PDF). */
export interface SiteDateOptions {
  /** Arabic-Indic digits (٠١٢…) instead of the site's Latin ones. */
  arabicDigits?: boolean
}

const locale = (options: SiteDateOptions) =>
  options.arabicDigits ? 'ar-IQ-u-nu-arab' : 'ar-IQ-u-nu-latn'

// Building an Intl formatter costs far more than using one: keep one per zone and digits.
const formatters = new Map<string, Intl.DateTimeFormat>()

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = make()))
  return formatter
}

function siteFormatter(timeZone: string, options: SiteDateOptions = {}): Intl.DateTimeFormat {
  return cached(
    `site|${timeZone}|${locale(options)}`,
    () =>
      new Intl.DateTimeFormat(locale(options), {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        hour12: true,
        timeZone,
      }),
  )
}

/** The parts of a date as the site shows them, in the newsroom's time zone. */
export interface SiteDateParts {
  weekday: string
  day: string
  month: string
  year: string
  hour: string
  minute: string
  /** ص before noon, م after (Intl's convention: 12:xx is م, 00:xx is ص). */
  dayPeriod: string
}

/** Splits a date into the site's parts with Intl (ar-IQ: Levantine month names). */
export function siteDateParts(
  date: Date,
  timeZone: string,
  options: SiteDateOptions = {},
): SiteDateParts {
  const parts: Partial<Record<string, string>> = {}
  for (const part of siteFormatter(timeZone, options).formatToParts(date)) {
    parts[part.type] = part.value
  }
  return {
    weekday: parts.weekday ?? '',
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    dayPeriod: parts.dayPeriod ?? '',
  }
}

/** The site's date: `الخميس 17 حزيران 2021 - 7:15 ص`. */
export function formatSiteDate(
  date: Date,
  timeZone: string,
  options: SiteDateOptions = {},
): string {
  const p = siteDateParts(date, timeZone, options)
  return `${p.weekday} ${p.day} ${p.month} ${p.year} - ${p.hour}:${p.minute} ${p.dayPeriod}`
}

/** The Hijri (Umm al-Qura) date line shown under the Gregorian one when asked for. */
export function formatHijriDate(
  date: Date,
  timeZone: string,
  options: SiteDateOptions = {},
): string {
  return new Intl.DateTimeFormat(
    `ar-SA-u-ca-islamic-umalqura-nu-${options.arabicDigits ? 'arab' : 'latn'}`,
    { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone },
  ).format(date)
}

let monthNames: string[] | undefined

/** The month names Intl gives for ar-IQ, January first: read from Intl, never hand-written. */
export function siteMonthNames(): string[] {
  // Asked once: every imported article reads its date line with them.
  monthNames ??= Array.from({ length: 12 }, (_, month) =>
    cached(
      'months',
      () => new Intl.DateTimeFormat('ar-IQ-u-nu-latn', { month: 'long', timeZone: 'UTC' }),
    ).format(new Date(Date.UTC(2021, month, 15))),
  )
  return [...monthNames]
}

/** Folds Arabic-Indic and Persian digits to Latin ones. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) =>
    String((digit.codePointAt(0) ?? 0) & 0xf),
  )
}

/** The UTC offset of a time zone at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = cached(
    `offset|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** The instant at which a wall-clock time occurs in a time zone. */
export function zonedTimeToDate(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute)
  let instant = guess - zoneOffset(guess, timeZone)
  // A second pass settles a guess that fell on the other side of a DST change.
  instant = guess - zoneOffset(instant, timeZone)
  return new Date(instant)
}

/** An instant as the newsroom's wall clock: `YYYY-MM-DD` and `HH:MM` (24 h), for date inputs. */
export function wallClock(iso: string, timeZone: string): { date: string; time: string } {
  const parts = cached(
    `wall|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).formatToParts(new Date(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  }
}

/** The instant of a newsroom wall-clock date and time (from date inputs), or null if unreadable. */
export function fromWallClock(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time || '00:00')
  if (!d || !t) return null
  const minute = zonedTimeToDate(
    {
      year: Number(d[1]),
      month: Number(d[2]),
      day: Number(d[3]),
      hour: Number(t[1]),
      minute: Number(t[2]),
    },
    timeZone,
  )
  return new Date(minute.getTime() + Number(t[3] ?? 0) * 1000).toISOString()
}
