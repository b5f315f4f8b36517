import { useState } from 'react'
import { exportFormats } from '../../shared/export-formats.js'
import type { Settings } from '../../shared/settings.js'
import { ContentProfileEditor } from './ContentProfileEditor.js'
import { useWords } from './words.js'
import './settings.css'
import { settingsProblem } from './settings-problems.js'
import { useDesk } from './desk-context.js'
import { Check } from './Check.js'
import { zoneChoices } from '../i18n/time-zones.js'
import { fill } from '../i18n/i18n.js'
import { BackupsSection } from './BackupsSection.js'
import { TeamSection } from './TeamSection.js'
import { HouseRulesEditor } from './HouseRulesEditor.js'
import './screen.css'

/** Every setting of design.md in one screen, saved together; the desk checks them again. */
export function SettingsScreen(props: {
  settings: Settings
  onSaved: (settings: Settings) => void
  onClose: () => void
}) {
  const { words, language, number } = useWords()
  const { desk } = useDesk()
  const [form, setForm] = useState<Settings>(props.settings)
  const [sectionsText, setSectionsText] = useState(props.settings.sections.join('\n'))
  const [problems, setProblems] = useState<string[]>([])
  const [styleProblems, setStyleProblems] = useState<string[]>([])
  const [saved, setSaved] = useState(false)
  const set = (fields: Partial<Settings>) => {
    setSaved(false)
    setForm((current) => ({ ...current, ...fields }))
  }
  const sections = sectionsText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

  const save = async () => {
    if (styleProblems.length) {
      setProblems(styleProblems)
      return
    }
    const result = await desk.settings.update({ ...form, sections })
    if (!result.ok) {
      setProblems(
        result.error.details?.map((detail) => settingsProblem(words, detail)) ??
          result.error.reasons ?? [result.error.message],
      )
      return
    }
    setProblems([])
    setSaved(true)
    props.onSaved(result.value)
  }

  // A number of days chosen from a list, in the chosen digits (a number input shows Latin ones).
  const days = (
    key: 'revisionsKeepAllDays' | 'trashPurgeDays',
    label: string,
    choices: number[],
  ) => (
    <label className="field">
      <span>{label}</span>
      <select value={form[key]} onChange={(event) => set({ [key]: Number(event.target.value) })}>
        {[...new Set([...choices, form[key]])]
          .sort((a, b) => a - b)
          .map((n) => (
            <option key={n} value={n}>
              {fill(words.daysN, { n: number(n) })}
            </option>
          ))}
      </select>
    </label>
  )

  const text = (
    key: 'newsroomName' | 'editorName' | 'siteAddress' | 'exportFolder',
    label: string,
    hint?: string,
    ltr = false,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input
        dir={ltr ? 'ltr' : 'auto'}
        value={form[key]}
        placeholder={hint}
        onChange={(event) => set({ [key]: event.target.value })}
      />
    </label>
  )

  return (
    <section className="settings" aria-label={words.settings}>
      <header className="screen-header">
        <h2>{words.settings}</h2>
        <button type="button" onClick={props.onClose}>
          {words.backToDesk}
        </button>
      </header>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <fieldset>
          <legend>{words.settingsNewsroom}</legend>
          {text('newsroomName', words.newsroomName)}
          <label className="field">
            <span>{words.timeZone}</span>
            <select
              value={form.timeZone}
              onChange={(event) => set({ timeZone: event.target.value })}
            >
              {zoneChoices(form.timeZone, language).map(({ zone, name }) => (
                <option key={zone} value={zone}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {text('siteAddress', words.siteAddress, 'https://news.example', true)}
          <label className="field">
            <span>{words.sections}</span>
            <textarea
              dir="rtl"
              rows={7}
              value={sectionsText}
              onChange={(event) => setSectionsText(event.target.value)}
            />
          </label>
          <ContentProfileEditor
            profile={form.contentProfile}
            sections={sections}
            onChange={(contentProfile) => set({ contentProfile })}
          />
          <HouseRulesEditor settings={form} onChange={set} onProblems={setStyleProblems} />
        </fieldset>
        <fieldset>
          <legend>{words.settingsEditor}</legend>
          {text('editorName', words.editorName, words.editorNameHint)}
          <label className="field">
            <span>{words.quoteStyle}</span>
            <select
              value={form.quoteStyle}
              onChange={(event) =>
                set({ quoteStyle: event.target.value as Settings['quoteStyle'] })
              }
            >
              <option value="straight">{words.quoteStraight}</option>
              <option value="guillemets">{words.quoteGuillemets}</option>
            </select>
          </label>
          <label className="field">
            <span>{words.digits}</span>
            <select
              value={form.digits}
              onChange={(event) => set({ digits: event.target.value as Settings['digits'] })}
            >
              <option value="latin">{words.digitsLatin}</option>
              <option value="arab">{words.digitsArab}</option>
            </select>
          </label>
          <Check checked={form.hijriLine} onChange={(hijriLine) => set({ hijriLine })}>
            {words.hijriLine}
          </Check>
        </fieldset>
        <fieldset>
          <legend>{words.settingsGoingBack}</legend>
          {days('revisionsKeepAllDays', words.revisionsKeepAllDays, [7, 14, 30, 60, 90, 180, 365])}
          {days('trashPurgeDays', words.trashPurgeDays, [7, 14, 30, 60, 90, 180])}
          <label className="field">
            <span>{words.backupsKept}</span>
            <select
              value={form.backupsKept}
              onChange={(event) => set({ backupsKept: Number(event.target.value) })}
            >
              {[...new Set([3, 7, 14, 30, form.backupsKept])]
                .sort((a, b) => a - b)
                .map((n) => (
                  <option key={n} value={n}>
                    {number(n)}
                  </option>
                ))}
            </select>
          </label>
          <BackupsSection />
        </fieldset>
        <fieldset>
          <legend>{words.settingsExport}</legend>
          {text('exportFolder', words.exportFolder, words.exportFolderDefault, true)}
          <div role="group" aria-label={words.exportFormatsDefault} className="dialog-row">
            <span>{words.exportFormatsDefault}:</span>
            {exportFormats
              .filter((format) => format !== 'pdf')
              .map((format) => (
                <Check
                  key={format}
                  checked={form.exportFormats.includes(format)}
                  onChange={(checked) =>
                    set({
                      exportFormats: checked
                        ? [...form.exportFormats, format]
                        : form.exportFormats.filter((f) => f !== format),
                    })
                  }
                >
                  {format}
                </Check>
              ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{words.language}</legend>
          <select
            aria-label={words.language}
            value={form.language}
            onChange={(event) => set({ language: event.target.value as Settings['language'] })}
          >
            <option value="ar">العربية</option>
            <option value="en">English</option>
          </select>
        </fieldset>
        {problems.length > 0 && (
          <ul className="failed" role="alert">
            {problems.map((problem) => (
              <li key={problem} dir="auto">
                {problem}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-row">
          <button type="submit" className="primary">
            {words.save}
          </button>
          {saved && <output role="status">{words.settingsSaved}</output>}
        </div>
      </form>
      <TeamSection />
    </section>
  )
}
