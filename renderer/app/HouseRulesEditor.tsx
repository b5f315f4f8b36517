import { useRef, useState } from 'react'
import { houseRuleIds, houseRules, severities } from '../../shared/house-style.js'
import type { Settings } from '../../shared/settings.js'
import { fill } from '../i18n/i18n.js'
import { Check } from './Check.js'
import {
  parseNewsroomWords,
  parseReplacements,
  replacementsText,
  ruleWord,
  severityWord,
} from './style-words.js'
import { useWords } from './words.js'

/**
 * House rules in Settings: each rule on or off with its severity, the newsroom's spellings and
 * its dictionary, the headline limit, and the severity from which findings keep an article from being ready.
 * Lines that are not «word = spelling» are reported and keep the screen from saving.
 */
type Fields = Pick<Settings, 'houseStyle' | 'readinessThreshold' | 'newsroomWords'>

export function HouseRulesEditor(props: {
  settings: Fields
  onChange: (fields: Partial<Fields>) => void
  onProblems: (problems: string[]) => void
}) {
  const { words, number } = useWords()
  const { houseStyle, readinessThreshold } = props.settings
  const [spellings, setSpellings] = useState(replacementsText(houseStyle.replacements))
  const [dictionary, setDictionary] = useState(props.settings.newsroomWords.join('\n'))
  // Each text box's bad lines, said together: a fix in one does not hide the other's.
  const problems = useRef({ spellings: [] as string[], dictionary: [] as string[] })
  const report = (box: 'spellings' | 'dictionary', lines: string[]) => {
    problems.current[box] = lines
    props.onProblems([...problems.current.spellings, ...problems.current.dictionary])
  }
  const style = (fields: Partial<Settings['houseStyle']>) =>
    props.onChange({ houseStyle: { ...houseStyle, ...fields } })

  return (
    <fieldset className="profile house-rules">
      <legend>{words.houseRulesTitle}</legend>
      <p className="hint">{words.houseRulesHint}</p>
      <label className="field">
        <span>{words.readinessThresholdLabel}</span>
        <select
          value={readinessThreshold}
          onChange={(event) =>
            props.onChange({
              readinessThreshold: event.target.value as Settings['readinessThreshold'],
            })
          }
        >
          {severities.map((severity) => (
            <option key={severity} value={severity}>
              {severityWord(words, severity)}
            </option>
          ))}
        </select>
      </label>
      <table>
        <tbody>
          {houseRuleIds.map((rule) => (
            <tr key={rule}>
              <td>
                <Check
                  checked={!houseStyle.off.includes(rule)}
                  onChange={(on) =>
                    style({
                      off: on
                        ? houseStyle.off.filter((r) => r !== rule)
                        : [...houseStyle.off, rule],
                    })
                  }
                >
                  {ruleWord(words, rule)}
                </Check>
              </td>
              <td>
                <select
                  aria-label={fill(words.houseRuleSeverityLabel, { rule: ruleWord(words, rule) })}
                  value={houseStyle.severities[rule] ?? houseRules[rule].severity}
                  onChange={(event) =>
                    style({
                      severities: {
                        ...houseStyle.severities,
                        [rule]: event.target.value as (typeof severities)[number],
                      },
                    })
                  }
                >
                  {severities.map((severity) => (
                    <option key={severity} value={severity}>
                      {severityWord(words, severity)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        <span>{words.headlineLimitLabel}</span>
        <input
          inputMode="numeric"
          value={houseStyle.headlineLimit === null ? '' : number(houseStyle.headlineLimit)}
          onChange={(event) => {
            const digits = event.target.value.replace(/[٠-٩]/g, (d) =>
              String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)),
            )
            const limit = Number.parseInt(digits, 10)
            style({ headlineLimit: Number.isFinite(limit) && limit > 0 ? limit : null })
          }}
        />
      </label>
      <label className="field">
        <span>{words.replacementsLabel}</span>
        <textarea
          dir="rtl"
          rows={5}
          value={spellings}
          onChange={(event) => {
            setSpellings(event.target.value)
            const { replacements, badLines } = parseReplacements(event.target.value)
            report(
              'spellings',
              badLines.map((line) => fill(words.replacementsProblem, { line })),
            )
            if (badLines.length === 0) style({ replacements })
          }}
        />
      </label>
      <label className="field">
        <span>{words.newsroomWordsLabel}</span>
        <textarea
          dir="rtl"
          rows={5}
          value={dictionary}
          onChange={(event) => {
            setDictionary(event.target.value)
            const parsed = parseNewsroomWords(event.target.value)
            report(
              'dictionary',
              parsed.badLines.map((line) => fill(words.newsroomWordsProblem, { line })),
            )
            if (parsed.badLines.length === 0) props.onChange({ newsroomWords: parsed.words })
          }}
        />
      </label>
    </fieldset>
  )
}
