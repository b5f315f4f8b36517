import { type ContentProfile, defaultContentProfile } from './content-profile.js'
import type { ExportFormat } from './export-formats.js'
import type { HouseStyle, Severity } from './house-style.js'

/** Newsroom settings kept in `settings.json` (design.md, Settings and their defaults). */
export interface Settings {
  newsroomName: string
  /** Empty means the system user's name. */
  editorName: string
  /** Whether the desk has asked the editor's name once (answered or dismissed): it asks no more. */
  editorNameAsked: boolean
  timeZone: string
  siteAddress: string
  sections: string[]
  /** Required fields and length limits, per section. */
  contentProfile: ContentProfile
  digits: 'latin' | 'arab'
  hijriLine: boolean
  quoteStyle: 'straight' | 'guillemets'
  /** Empty means `exports/` in the data dir. */
  exportFolder: string
  exportFormats: ExportFormat[]
  language: 'ar' | 'en'
  /** Every revision of this many last days is kept; older ones, one a day. */
  revisionsKeepAllDays: number
  /** Trashed articles are purged after this many days. */
  trashPurgeDays: number
  /** How many backups of the whole library are kept. */
  backupsKept: number
  /** House rules: turned off, severities changed, the newsroom's spellings; a null headline
   * limit is the content profile's. */
  houseStyle: Required<HouseStyle>
  /** Findings at this severity and above keep an article from becoming ready unless overridden. */
  readinessThreshold: Severity
  /** The newsroom's dictionary: names and places the spellchecker takes as right. */
  newsroomWords: string[]
}

/** The defaults every new data dir starts with. */
export const defaultSettings: Settings = {
  newsroomName: '',
  editorName: '',
  editorNameAsked: false,
  timeZone: 'Asia/Baghdad',
  siteAddress: 'https://news.example',
  sections: ['العراق', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'عربي ودولي', 'محليات'],
  contentProfile: defaultContentProfile,
  digits: 'latin',
  hijriLine: false,
  quoteStyle: 'straight',
  exportFolder: '',
  exportFormats: ['html', 'text'],
  language: 'ar',
  revisionsKeepAllDays: 30,
  trashPurgeDays: 30,
  backupsKept: 7,
  houseStyle: { off: [], severities: {}, replacements: {}, headlineLimit: null },
  readinessThreshold: 'error',
  newsroomWords: [],
}

/** Stored settings over the defaults; a stored profile keeps default rules for fields it lacks. */
export function withDefaults(stored: Partial<Settings> | null): Settings {
  const merged = { ...defaultSettings, ...stored }
  const profile = stored?.contentProfile
  merged.contentProfile = {
    rules: { ...defaultContentProfile.rules, ...profile?.rules },
    sections: { ...profile?.sections },
  }
  merged.houseStyle = { ...defaultSettings.houseStyle, ...stored?.houseStyle }
  return merged
}
