import { useCallback, useEffect, useState } from 'react'
import type { ArticleState, Delta } from '../../shared/article.js'
import { articleStates } from '../../shared/article.js'
import { deltaToParagraphs } from '../../shared/delta.js'
import { wordDiff } from '../../shared/revisions.js'
import type { TeamConflict } from '../../shared/team.js'
import type { Dictionary } from '../i18n/ar.js'
import { stateLabel } from '../i18n/i18n.js'
import { BidiText } from './BidiText.js'
import { Dialog } from './Dialog.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { DiffView } from './RevisionsPanel.js'
import { useWords } from './words.js'

/** A field's value as an editor reads it: text as it is, a body as its paragraphs. */
function paragraphsOf(value: unknown): string[] {
  if (value && typeof value === 'object' && 'ops' in value) return deltaToParagraphs(value as Delta)
  if (Array.isArray(value)) return [value.join('، ')]
  if (value === null || value === undefined) return ['']
  return [typeof value === 'string' ? value : JSON.stringify(value)]
}

function fieldLabel(words: Dictionary, field: string): string {
  if (field === 'state') return words.teamField_state
  return field in words ? words[field as keyof Dictionary] : field
}

/**
 * What two desks changed apart, side by side and right to left, with the word diff from
 * theirs to mine: for each field the editor takes mine or theirs, for moves made apart the
 * state it is to be in. Nothing is lost before the choice is applied.
 */
export function TeamConflictsDialog(props: { onClose: () => void; onResolved: () => void }) {
  const { desk } = useDesk()
  const { words } = useWords()
  const [conflicts, setConflicts] = useState<TeamConflict[] | null>(null)
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const load = useCallback(async () => {
    const result = await desk.team.conflicts()
    if (result.ok) setConflicts(result.value)
    else setProblem(describeError(words, result.error))
  }, [desk, words])
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loaded once opened
    void load()
  }, [load])
  const byArticle = new Map<string, TeamConflict[]>()
  for (const conflict of conflicts ?? [])
    byArticle.set(conflict.id, [...(byArticle.get(conflict.id) ?? []), conflict])
  const apply = async (id: string, list: TeamConflict[]) => {
    const fields: Record<string, 'mine' | 'theirs'> = {}
    let state: ArticleState | null = null
    for (const conflict of list) {
      const side = choices[`${id}:${conflict.field}`] ?? 'mine'
      if (conflict.field === 'state')
        state = (side === 'mine' ? conflict.mine : conflict.theirs) as ArticleState
      else fields[conflict.field] = side
    }
    const result = await desk.team.resolve({ id, fields, state })
    if (!result.ok) return setProblem(describeError(words, result.error))
    props.onResolved()
    await load()
  }
  return (
    <Dialog title={words.teamConflictsTitle} onClose={props.onClose}>
      <p>{words.teamConflictsHint}</p>
      {problem && (
        <p className="failed" role="alert">
          {problem}
        </p>
      )}
      {conflicts && conflicts.length === 0 && <p className="empty">{words.teamNoConflicts}</p>}
      {[...byArticle].map(([id, list]) => (
        <section key={id} className="team-conflict" aria-label={id}>
          {list.map((conflict) => {
            const key = `${id}:${conflict.field}`
            const side = choices[key] ?? 'mine'
            const label = fieldLabel(words, conflict.field)
            const shown = (value: unknown) =>
              conflict.field === 'state' && articleStates.includes(value as ArticleState)
                ? [stateLabel(words, value as ArticleState)]
                : paragraphsOf(value)
            const mine = shown(conflict.mine)
            const theirs = shown(conflict.theirs)
            return (
              <fieldset key={key} dir="rtl">
                <legend>{label}</legend>
                <div className="conflict-sides">
                  {(['mine', 'theirs'] as const).map((which) => (
                    <label key={which} className="conflict-side">
                      <input
                        type="radio"
                        name={key}
                        checked={side === which}
                        onChange={() => setChoices((all) => ({ ...all, [key]: which }))}
                      />
                      <strong>{which === 'mine' ? words.teamMine : words.teamTheirs}</strong>
                      {(which === 'mine' ? mine : theirs).map((paragraph, index) => (
                        <span key={index} className="conflict-paragraph" dir="auto">
                          <BidiText text={paragraph} />
                        </span>
                      ))}
                    </label>
                  ))}
                </div>
                {conflict.field !== 'state' && (
                  <DiffView
                    parts={wordDiff({ headline: '', text: theirs }, { headline: '', text: mine })}
                  />
                )}
              </fieldset>
            )
          })}
          <div className="dialog-row">
            <button type="button" className="primary" onClick={() => void apply(id, list)}>
              {words.teamChoose}
            </button>
          </div>
        </section>
      ))}
    </Dialog>
  )
}
