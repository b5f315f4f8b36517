import type { Reason } from '../../shared/reasons.js'
import type { Dictionary } from '../i18n/ar.js'
import { fill } from '../i18n/i18n.js'
import { reasonWords } from './describe-error.js'

/** The setting an argument path names (`0.sections.3` → sections), with its label and advice. */
const settingWords: Record<string, { label: keyof Dictionary; advice?: keyof Dictionary }> = {
  newsroomName: { label: 'newsroomName', advice: 'settingsAdviceLine' },
  editorName: { label: 'editorName', advice: 'settingsAdviceLine' },
  timeZone: { label: 'timeZone', advice: 'settingsAdviceTimeZone' },
  siteAddress: { label: 'siteAddress', advice: 'settingsAdviceSiteAddress' },
  sections: { label: 'sections', advice: 'settingsAdviceSections' },
  contentProfile: { label: 'contentProfile' },
  exportFolder: { label: 'exportFolder', advice: 'settingsAdviceLine' },
  exportFormats: { label: 'exportFormatsDefault', advice: 'settingsAdviceExportFormats' },
}

/**
 * What is wrong with the settings, in the UI's language: the setting by its label on the
 * screen and what it takes, never zod's path (`0.siteAddress`) and English message.
 */
export function settingsProblem(words: Dictionary, detail: Reason): string {
  if (detail.code !== 'invalid-argument' || !detail.field) return reasonWords(words, detail)
  const setting = detail.field.replace(/^0\./, '').split('.')[0] ?? ''
  const known = settingWords[setting]
  if (!known) return reasonWords(words, detail)
  const label = words[known.label]
  return fill(words.settingsBadValue, {
    field: label,
    advice: known.advice ? words[known.advice] : '',
  }).trim()
}
