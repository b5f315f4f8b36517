import type { HouseRuleId, StyleFinding } from '../../shared/house-style.js'
import { fill } from '../i18n/i18n.js'
import { ruleWord, severityWord } from './style-words.js'
import { useWords } from './words.js'

/** A finding with the text it found, as the panel shows it and a fix checks it is still there. */
export type ShownFinding = StyleFinding & { found: string; key: string }

/**
 * «التدقيق»: the house-style findings of the headline and the body, by paragraph, each to fix
 * or ignore, and every finding of one kind fixed at once.
 */
export function ProofingPanel(props: {
  findings: ShownFinding[]
  ignored: number
  readOnly: boolean
  onFix: (findings: ShownFinding[]) => void
  onIgnore: (finding: ShownFinding) => void
  onShow: (finding: ShownFinding) => void
  onSpelling: (finding: ShownFinding, from: HTMLElement) => void
}) {
  const { words, number } = useWords()
  const { findings } = props
  const paragraphs = [...new Set(findings.map((f) => f.paragraph))]
  const fixable = new Map<HouseRuleId, ShownFinding[]>()
  for (const f of findings) {
    if (f.suggestion !== undefined) fixable.set(f.rule, [...(fixable.get(f.rule) ?? []), f])
  }
  return (
    <section className="proofing" aria-label={words.styleTab}>
      {findings.length === 0 && <p className="empty">{words.styleNone}</p>}
      {props.ignored > 0 && (
        <p className="item-meta">{fill(words.styleIgnored, { count: number(props.ignored) })}</p>
      )}
      {!props.readOnly && (
        <div className="dialog-row">
          {[...fixable].map(([rule, all]) =>
            all.length > 1 ? (
              <button key={rule} type="button" onClick={() => props.onFix(all)}>
                {fill(words.styleFixAll, {
                  rule: ruleWord(words, rule),
                  count: number(all.length),
                })}
              </button>
            ) : null,
          )}
        </div>
      )}
      {paragraphs.map((paragraph) => (
        <section key={paragraph} className="proofing-paragraph">
          <h3>
            {paragraph === 0
              ? words.styleHeadline
              : fill(words.styleParagraph, { n: number(paragraph) })}
          </h3>
          <ul>
            {findings
              .filter((f) => f.paragraph === paragraph)
              .map((f) => (
                <li key={f.key} className={`finding-item ${f.severity}`} data-rule={f.rule}>
                  <button type="button" className="link" onClick={() => props.onShow(f)}>
                    {ruleWord(words, f.rule)}
                  </button>
                  <span className="item-meta">
                    {severityWord(words, f.severity)}
                    {f.found.trim() && <bdi> «{f.found}»</bdi>}
                    {f.suggestion?.trim() && <bdi> ← «{f.suggestion}»</bdi>}
                  </span>
                  {!props.readOnly && f.suggestion !== undefined && (
                    <button
                      type="button"
                      aria-label={fill(words.styleFixLabel, {
                        found: f.found,
                        suggestion: f.suggestion,
                      })}
                      onClick={() => props.onFix([f])}
                    >
                      {words.styleFix}
                    </button>
                  )}
                  {f.rule === 'spelling' && (
                    <button
                      type="button"
                      aria-haspopup="menu"
                      aria-label={fill(words.spellingMenuLabel, { word: f.found })}
                      onClick={(event) => props.onSpelling(f, event.currentTarget)}
                    >
                      {words.spellingSuggestions}
                    </button>
                  )}
                  <button
                    type="button"
                    aria-label={fill(words.styleIgnoreLabel, { found: f.found })}
                    onClick={() => props.onIgnore(f)}
                  >
                    {words.styleIgnore}
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
