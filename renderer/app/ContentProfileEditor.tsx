import { useState } from 'react'
import {
  type ContentProfile,
  type FieldRule,
  type ProfileField,
  profileFields,
} from '../../shared/content-profile.js'
import { fieldLabel } from './findings.js'
import { useWords } from './words.js'

/** Required fields and length limits: for every section, or overridden for one section. */
export function ContentProfileEditor(props: {
  profile: ContentProfile
  sections: string[]
  onChange: (profile: ContentProfile) => void
}) {
  const { words } = useWords()
  const [scope, setScope] = useState('')
  const { profile, onChange } = props
  const overrides = scope ? (profile.sections[scope] ?? {}) : null

  const setRule = (field: ProfileField, rule: FieldRule | null) => {
    if (!scope) {
      if (rule) onChange({ ...profile, rules: { ...profile.rules, [field]: rule } })
      return
    }
    const next = { ...(profile.sections[scope] ?? {}) }
    if (rule) next[field] = rule
    else delete next[field]
    const sections = { ...profile.sections, [scope]: next }
    if (Object.keys(next).length === 0) delete sections[scope]
    onChange({ ...profile, sections })
  }

  return (
    <fieldset className="profile">
      <legend>{words.contentProfile}</legend>
      <label className="field">
        <span>{words.profileFor}</span>
        <select value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value="">{words.profileDefault}</option>
          {props.sections.map((section) => (
            <option key={section} value={section}>
              {section}
            </option>
          ))}
        </select>
      </label>
      <table>
        <thead>
          <tr>
            <th scope="col">{words.field}</th>
            {scope && <th scope="col">{words.profileInherit}</th>}
            <th scope="col">{words.required}</th>
            <th scope="col">{words.maxLength}</th>
          </tr>
        </thead>
        <tbody>
          {profileFields.map((field) => {
            const own = overrides ? overrides[field] : profile.rules[field]
            const rule = own ?? profile.rules[field]
            const inherited = overrides !== null && own === undefined
            const label = words[fieldLabel[field]]
            return (
              <tr key={field}>
                <th scope="row">{label}</th>
                {scope && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${label}: ${words.profileInherit}`}
                      checked={inherited}
                      onChange={(event) => setRule(field, event.target.checked ? null : rule)}
                    />
                  </td>
                )}
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${label}: ${words.required}`}
                    checked={rule.required}
                    disabled={inherited}
                    onChange={(event) =>
                      setRule(field, { ...rule, required: event.target.checked })
                    }
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`${label}: ${words.maxLength}`}
                    value={rule.max ?? ''}
                    disabled={inherited}
                    onChange={(event) =>
                      setRule(field, {
                        ...rule,
                        max: event.target.value
                          ? Math.max(1, Math.round(Number(event.target.value)))
                          : null,
                      })
                    }
                  />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </fieldset>
  )
}
