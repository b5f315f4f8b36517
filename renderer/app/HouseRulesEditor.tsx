import { useState } from 'react'
import { houseRuleIds, houseRules, severities } from '../../shared/house-style.js'
import type { Settings } from '../../shared/settings.js'
import { fill } from '../i18n/i18n.js'
import { Check } from './Check.js'
import { parseReplacements, replacementsText, ruleWord, severityWord } from './style-words.js'
import { useWords } from './words.js'

/**
 * House rules in Settings: each rule on or off with its severity, the newsroom's spellings, the
 * headline limit, and the severity from which findings keep an article from being ready.
 * Lines that are not «word = spelling» are reported and keep the screen from saving.
 */
export function HouseRulesEditor(props: {
  settings: Pick<Settings, 'houseStyle' | 'readinessThreshold'>
  onChange: (fields: Pick<Settings, 'houseStyle' | 'readinessThreshold'>) => void
  onProblems: (problems: string[]) => void
}) {
  const { words, number } = useWords()
  const { houseStyle, readinessThreshold } = props.settings
  const [spellings, setSpellings] = useState(replacementsText(houseStyle.replacements))
  const style = (fields: Partial<Settings['houseStyle']>) =>
    props.onChange({ readinessThreshold, houseStyle: { ...houseStyle, ...fields } })

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
              houseStyle,
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
            props.onProblems(badLines.map((line) => fill(words.replacementsProblem, { line })))
            if (badLines.length === 0) style({ replacements })
          }}
        />
      </label>
    </fieldset>
  )
}
