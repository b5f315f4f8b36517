import { type ReactNode, useId } from 'react'
import type { Finding } from '../../shared/content-profile.js'
import { findingText } from './findings.js'
import { useWords } from './words.js'

/**
 * A labelled field with its live count and its findings beside it, tied to the control with
 * aria-describedby so a screen reader reads the reason too.
 */
export function Field(props: {
  label: string
  findings?: Finding[]
  count?: { value: number; max: number | null }
  hint?: string
  children: (ids: { id: string; labelId: string; describedBy: string | undefined }) => ReactNode
}) {
  const { words, number } = useWords()
  const id = useId()
  const noteId = `${id}-note`
  const labelId = `${id}-label`
  const findings = props.findings ?? []
  const hasNote = findings.length > 0 || props.hint !== undefined
  return (
    <div className={`field ${findings.length ? 'invalid' : ''}`}>
      <span className="field-label">
        <label id={labelId} htmlFor={id}>
          {props.label}
        </label>
        {props.count && (
          <span
            className={`count ${props.count.max !== null && props.count.value > props.count.max ? 'over' : ''}`}
          >
            {props.count.max === null
              ? number(props.count.value)
              : `${number(props.count.value)}/${number(props.count.max)}`}
          </span>
        )}
      </span>
      {props.children({ id, labelId, describedBy: hasNote ? noteId : undefined })}
      {hasNote && (
        <span id={noteId} className="field-note">
          {findings.map((finding) => (
            <span key={finding.rule} className="finding" role="status">
              {findingText(words, finding)}
            </span>
          ))}
          {props.hint && <span className="hint">{props.hint}</span>}
        </span>
      )}
    </div>
  )
}
