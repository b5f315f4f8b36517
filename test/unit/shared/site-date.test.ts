import { describe, expect, it } from 'vitest'
import { formatHijriDate, formatSiteDate, zonedTimeToDate } from '../../../shared/site-date.js'

const zone = 'Asia/Baghdad'
const at = (iso: string) => new Date(iso)

describe("the site's date", () => {
  it('names all twelve months the Levantine/Iraqi way', () => {
    const months = Array.from({ length: 12 }, (_, m) =>
      formatSiteDate(new Date(Date.UTC(2021, m, 10, 6, 0)), zone)
        .split(' ')
        .slice(2, -4)
        .join(' '),
    )
    expect(months).toEqual([
      'كانون الثاني',
      'شباط',
      'آذار',
      'نيسان',
      'أيار',
      'حزيران',
      'تموز',
      'آب',
      'أيلول',
      'تشرين الأول',
      'تشرين الثاني',
      'كانون الأول',
    ])
  })

  it('writes the site form in the newsroom time zone', () => {
    expect(formatSiteDate(at('2021-06-17T04:15:00Z'), zone)).toBe('الخميس 17 حزيران 2021 - 7:15 ص')
    expect(formatSiteDate(at('2021-06-17T04:15:00Z'), 'UTC')).toBe('الخميس 17 حزيران 2021 - 4:15 ص')
  })

  it('gives ص at midnight and م at noon', () => {
    expect(formatSiteDate(at('2021-06-16T21:05:00Z'), zone)).toBe('الخميس 17 حزيران 2021 - 12:05 ص')
    expect(formatSiteDate(at('2021-06-17T09:05:00Z'), zone)).toBe('الخميس 17 حزيران 2021 - 12:05 م')
    expect(formatSiteDate(at('2021-06-17T20:59:00Z'), zone)).toBe('الخميس 17 حزيران 2021 - 11:59 م')
  })

  it('can use Arabic-Indic digits and add the Umm al-Qura date', () => {
    expect(formatSiteDate(at('2021-06-17T04:15:00Z'), zone, { arabicDigits: true })).toBe(
      'الخميس ١٧ حزيران ٢٠٢١ - ٧:١٥ ص',
    )
    expect(formatHijriDate(at('2021-06-17T04:15:00Z'), zone)).toContain('ذو القعدة')
    expect(formatHijriDate(at('2021-06-17T04:15:00Z'), zone)).toContain('1442')
  })

  it('turns a wall-clock time in a zone into its instant, across DST', () => {
    const wall = { year: 2021, month: 6, day: 17, hour: 7, minute: 15 }
    expect(zonedTimeToDate(wall, zone).toISOString()).toBe('2021-06-17T04:15:00.000Z')
    expect(zonedTimeToDate(wall, 'Europe/Berlin').toISOString()).toBe('2021-06-17T05:15:00.000Z')
    expect(zonedTimeToDate({ ...wall, month: 1 }, 'Europe/Berlin').toISOString()).toBe(
      '2021-01-17T06:15:00.000Z',
    )
  })
})
