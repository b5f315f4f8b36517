import { useWords } from './words.js'
import { siteMonthNames } from '../../shared/site-date.js'
import { formatNumber, uiLocale } from '../i18n/i18n.js'
import './date-time.css'

const pad = (n: number) => String(n).padStart(2, '0')
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index)
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Month names as the newsroom says them: the Levantine ones in Arabic (كانون الثاني…). */
function monthNames(language: 'ar' | 'en'): string[] {
  if (language === 'ar') return siteMonthNames()
  const format = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' })
  return range(0, 11).map((month) => format.format(new Date(Date.UTC(2021, month, 15))))
}

/** One part of a date or a time (day, month, year, hour, minute, ص/م) as a short list. */
function PartList(props: {
  id?: string
  label: string
  value: string
  choices: { value: string | number; text: string }[]
  /** An empty choice, where the whole field may be left empty. */
  empty: boolean
  required?: boolean
  disabled?: boolean
  onChange: (value: string) => void
}) {
  const { words } = useWords()
  return (
    <select
      id={props.id}
      aria-label={props.label}
      value={props.value}
      required={props.required}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.empty && <option value="">{words.datePartEmpty}</option>}
      {props.choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.text}
        </option>
      ))}
    </select>
  )
}

/**
 * A date as three lists (day, month by name, year) in the newsroom's digits, instead of the
 * browser's date input, which shows mm/dd/yyyy in the system's locale. `value` is YYYY-MM-DD,
 * or empty; `id` goes to the day, for the field's label.
 */
export function DateField(props: {
  id?: string
  label: string
  value: string
  onChange: (value: string) => void
  required?: boolean
  disabled?: boolean
  describedBy?: string
}) {
  const { words, language, digits } = useWords()
  const today = new Date()
  const [year, month, day] = props.value ? props.value.split('-').map(Number) : [0, 0, 0]
  const thisYear = today.getFullYear()
  const years = range(Math.min(1990, year || thisYear), Math.max(thisYear + 5, year || thisYear))
  const set = (part: 'day' | 'month' | 'year', chosen: string) => {
    if (chosen === '') return props.onChange('')
    // The first part chosen on an empty date fills the others from today.
    const next = {
      year: year || thisYear,
      month: month || today.getMonth() + 1,
      day: day || today.getDate(),
      [part]: Number(chosen),
    }
    next.day = Math.min(next.day, daysIn(next.year, next.month))
    props.onChange(`${next.year}-${pad(next.month)}-${pad(next.day)}`)
  }
  const yearText = new Intl.NumberFormat(uiLocale(language, digits), { useGrouping: false })
  const common = { empty: !props.required, required: props.required, disabled: props.disabled }
  return (
    <span
      className="date-field"
      role="group"
      aria-label={props.label}
      aria-describedby={props.describedBy}
    >
      <PartList
        {...common}
        id={props.id}
        label={`${props.label}: ${words.day}`}
        value={day ? String(day) : ''}
        choices={range(1, year && month ? daysIn(year, month) : 31).map((n) => ({
          value: n,
          text: formatNumber(n, language, digits),
        }))}
        onChange={(value) => set('day', value)}
      />
      <PartList
        {...common}
        label={`${props.label}: ${words.month}`}
        value={month ? String(month) : ''}
        choices={monthNames(language).map((name, index) => ({ value: index + 1, text: name }))}
        onChange={(value) => set('month', value)}
      />
      <PartList
        {...common}
        label={`${props.label}: ${words.year}`}
        value={year ? String(year) : ''}
        choices={years.map((n) => ({ value: n, text: yearText.format(n) }))}
        onChange={(value) => set('year', value)}
      />
    </span>
  )
}

/**
 * A time of day as hour, minute and ص/م (AM/PM in English), in the newsroom's digits. `value`
 * is HH:MM on the 24-hour clock, or empty.
 */
export function TimeField(props: {
  id?: string
  label: string
  value: string
  onChange: (value: string) => void
  required?: boolean
  disabled?: boolean
}) {
  const { words, language, digits } = useWords()
  const [hour24, minute] = props.value ? props.value.split(':').map(Number) : [NaN, NaN]
  const known = Number.isFinite(hour24) && Number.isFinite(minute)
  const hour12 = known ? hour24! % 12 || 12 : 0
  const evening = known && hour24! >= 12
  const set = (next: { hour12?: number; minute?: number; evening?: boolean }) => {
    const h = next.hour12 ?? (hour12 || 12)
    const m = next.minute ?? (known ? minute! : 0)
    const pm = next.evening ?? evening
    props.onChange(`${pad((h % 12) + (pm ? 12 : 0))}:${pad(m)}`)
  }
  const twoDigits = new Intl.NumberFormat(uiLocale(language, digits), {
    minimumIntegerDigits: 2,
    useGrouping: false,
  })
  const common = { empty: !props.required, required: props.required, disabled: props.disabled }
  // Emptying any part empties the time.
  const part = (apply: (value: string) => void) => (value: string) =>
    value === '' ? props.onChange('') : apply(value)
  return (
    <span className="date-field" role="group" aria-label={props.label}>
      <PartList
        {...common}
        id={props.id}
        label={`${props.label}: ${words.hour}`}
        value={hour12 ? String(hour12) : ''}
        choices={range(1, 12).map((n) => ({ value: n, text: formatNumber(n, language, digits) }))}
        onChange={part((value) => set({ hour12: Number(value) }))}
      />
      <PartList
        {...common}
        label={`${props.label}: ${words.minute}`}
        value={known ? String(minute) : ''}
        choices={range(0, 59).map((n) => ({ value: n, text: twoDigits.format(n) }))}
        onChange={part((value) => set({ minute: Number(value) }))}
      />
      <PartList
        {...common}
        label={`${props.label}: ${words.dayPeriod}`}
        value={known ? (evening ? 'pm' : 'am') : ''}
        choices={[
          { value: 'am', text: words.morning },
          { value: 'pm', text: words.evening },
        ]}
        onChange={part((value) => set({ evening: value === 'pm' }))}
      />
    </span>
  )
}
