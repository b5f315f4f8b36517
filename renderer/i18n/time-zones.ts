/**
 * Time zones by the names a newsroom knows them: the city in Arabic (Intl gives no city names,
 * only countries and offsets), then the country's time as ICU words it. Zones with no Arabic
 * city here are named by that alone, with the zone's own id.
 */
const arabicCities: Record<string, string> = {
  'Asia/Baghdad': 'بغداد',
  'Asia/Beirut': 'بيروت',
  'Asia/Damascus': 'دمشق',
  'Asia/Amman': 'عمّان',
  'Asia/Jerusalem': 'القدس',
  'Asia/Gaza': 'غزة',
  'Asia/Hebron': 'الخليل',
  'Africa/Cairo': 'القاهرة',
  'Asia/Riyadh': 'الرياض',
  'Asia/Kuwait': 'الكويت',
  'Asia/Qatar': 'الدوحة',
  'Asia/Bahrain': 'المنامة',
  'Asia/Dubai': 'دبي',
  'Asia/Muscat': 'مسقط',
  'Asia/Aden': 'عدن',
  'Africa/Khartoum': 'الخرطوم',
  'Africa/Tripoli': 'طرابلس',
  'Africa/Tunis': 'تونس',
  'Africa/Algiers': 'الجزائر',
  'Africa/Casablanca': 'الدار البيضاء',
  'Africa/Nouakchott': 'نواكشوط',
  'Africa/Mogadishu': 'مقديشو',
  'Africa/Djibouti': 'جيبوتي',
  'Indian/Comoro': 'موروني',
  'Europe/Istanbul': 'إسطنبول',
  'Asia/Tehran': 'طهران',
  'Asia/Erbil': 'أربيل',
  'Europe/London': 'لندن',
  'Europe/Paris': 'باريس',
  'Europe/Berlin': 'برلين',
  'America/New_York': 'نيويورك',
  UTC: 'التوقيت العالمي',
}

/** The country's time as ICU names it (توقيت العراق), or null where it has no such name. */
function genericName(zone: string, locale: string): string | null {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')
    return part?.value ?? null
  } catch {
    return null
  }
}

/** A zone as the UI shows it: «بغداد (توقيت العراق)», «Baghdad (Iraq Time)». */
export function zoneName(zone: string, language: 'ar' | 'en'): string {
  const generic = genericName(zone, language === 'ar' ? 'ar' : 'en-GB')
  const city =
    language === 'ar' ? arabicCities[zone] : (zone.split('/').pop() ?? zone).replace(/_/g, ' ')
  if (!city) return generic ? `${generic} (${zone})` : zone
  return generic && generic !== city ? `${city} (${generic})` : city
}

/**
 * Every zone the runtime knows, named for the UI: the newsroom's region first (the zones with a
 * city named above, in that order), then the rest by name; the current one always among them.
 */
export function zoneChoices(
  current: string,
  language: 'ar' | 'en',
): { zone: string; name: string }[] {
  let known: string[]
  try {
    known = Intl.supportedValuesOf('timeZone')
  } catch {
    known = []
  }
  const region = Object.keys(arabicCities)
  const rest = [...new Set([...known, current])].filter((zone) => !region.includes(zone))
  const named = (zone: string) => ({ zone, name: zoneName(zone, language) })
  return [
    ...region.map(named),
    ...rest.map(named).sort((a, b) => a.name.localeCompare(b.name, language)),
  ]
}
