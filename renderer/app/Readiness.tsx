import type { checkArticle } from '../../shared/content-profile.js'
import { fieldLabel } from './findings.js'
import { useWords } from './words.js'

/** Whether the article is ready to publish, and the fields that keep it from being so. */
export function Readiness(props: { findings: ReturnType<typeof checkArticle> }) {
  const { words } = useWords()
  return (
    <p
      className={`readiness ${props.findings.length ? 'not-ready' : 'ready'}`}
      data-testid="readiness"
    >
      {props.findings.length ? words.readyNo : words.readyYes}
      {props.findings.length > 0 && (
        <span>
          {' '}
          {[...new Set(props.findings.map((finding) => finding.field))]
            .map((field) => words[fieldLabel[field]])
            .join('، ')}
        </span>
      )}
    </p>
  )
}
