import { useEffect, useState } from 'react'
import type { Article } from '../../shared/article.js'
import type { DiffPart, RevisionEntry, RevisionEvent } from '../../shared/revisions.js'
import type { Dictionary } from '../i18n/ar.js'
import { fill, stateLabel } from '../i18n/i18n.js'
import type { ArticleState } from '../../shared/article.js'
import { BidiText } from './BidiText.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'
import './panels.css'

const eventKeys: Record<RevisionEvent, keyof Dictionary> = {
  created: 'event_created',
  edited: 'event_edited',
  moved: 'event_moved',
  imported: 'event_imported',
  restored: 'event_restored',
  corrected: 'event_corrected',
  synced: 'event_synced',
}

/** Unchanged text longer than this many words is folded to its first and last few. */
const foldAfter = 16
const foldKeep = 6

/** A word diff drawn right to left: insertions and deletions marked, long unchanged text folded. */
export function DiffView(props: { parts: DiffPart[] }) {
  const { words } = useWords()
  const [whole, setWhole] = useState(false)
  if (props.parts.every((part) => part.op === 'equal'))
    return <p className="empty">{words.diffNoChange}</p>
  // Whether any unchanged run is long enough to fold: the button shows only then.
  const foldable = props.parts.some(
    (part) => part.op === 'equal' && part.text.split(/(\s+)/).length > foldAfter * 2,
  )
  const shown = props.parts.map((part, index) => {
    if (part.op === 'insert')
      return (
        <ins key={index}>
          <BidiText text={part.text} />
        </ins>
      )
    if (part.op === 'delete')
      return (
        <del key={index}>
          <BidiText text={part.text} />
        </del>
      )
    const tokens = part.text.split(/(\s+)/)
    if (whole || tokens.length <= foldAfter * 2) return <BidiText key={index} text={part.text} />
    const head = index === 0 ? '' : tokens.slice(0, foldKeep * 2).join('')
    const tail = index === props.parts.length - 1 ? '' : tokens.slice(-foldKeep * 2).join('')
    return (
      <span key={index}>
        <BidiText text={head} />
        <span className="diff-fold" aria-label={words.diffFolded}>
          {' … '}
        </span>
        <BidiText text={tail} />
      </span>
    )
  })
  return (
    <div>
      <p className="diff" dir="rtl" lang="ar">
        {shown}
      </p>
      {foldable && (
        <button type="button" onClick={() => setWhole(!whole)}>
          {whole ? words.diffFold : words.diffShowAll}
        </button>
      )}
    </div>
  )
}

/**
 * The article's kept revisions, newest first (time, editor, state, words, what happened), a word
 * diff between any two, and restoring one: a new revision equal to it, nothing rewritten.
 */
export function RevisionsPanel(props: {
  article: Article
  onRestored: () => void
  onError: (message: string) => void
}) {
  const { words, when, number } = useWords()
  const { desk } = useDesk()
  const { id, revision } = props.article
  const [entries, setEntries] = useState<RevisionEntry[] | null>(null)
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | null>(null)
  const [parts, setParts] = useState<DiffPart[] | null>(null)

  useEffect(() => {
    let live = true
    void desk.revisions.history(id).then((result) => {
      if (!live) return
      if (!result.ok) return props.onError(describeError(words, result.error))
      setEntries(result.value)
      setTo(result.value[0]?.revision ?? null)
      setFrom(result.value[1]?.revision ?? result.value[0]?.revision ?? null)
    })
    return () => {
      live = false
    }
    // The list follows the article's revision; the callbacks need not be fresh for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk, id, revision])

  useEffect(() => {
    if (from === null || to === null) return
    let live = true
    void desk.revisions.diff({ id, from: Math.min(from, to), to: Math.max(from, to) }).then((r) => {
      if (live) setParts(r.ok ? r.value : null)
    })
    return () => {
      live = false
    }
  }, [desk, id, from, to])

  if (!entries) return null
  const label = (entry: RevisionEntry) =>
    `${fill(words.revisionN, { n: number(entry.revision) })} · ${when(entry.at)}`
  const choose = (title: string, value: number | null, onChoose: (n: number) => void) => (
    <label className="field">
      <span>{title}</span>
      <select value={value ?? ''} onChange={(event) => onChoose(Number(event.target.value))}>
        {entries.map((entry) => (
          <option key={entry.revision} value={entry.revision}>
            {label(entry)}
          </option>
        ))}
      </select>
    </label>
  )
  const restore = async () => {
    if (from === null || from === revision) return
    if (!window.confirm(fill(words.restoreConfirm, { n: number(from) }))) return
    const result = await desk.revisions.restore({ id, revision: from })
    if (!result.ok) return props.onError(describeError(words, result.error))
    props.onRestored()
  }
  return (
    <section className="revisions" aria-label={words.revisionsTitle}>
      <h3>{words.revisionsTitle}</h3>
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.revision}>
            <strong>
              {label(entry)} · {words[eventKeys[entry.event]]}
            </strong>
            <span className="item-meta">
              {entry.by} · {stateLabel(words, entry.state as ArticleState)} ·{' '}
              {fill(words.wordsN, { n: number(entry.words) })}
            </span>
          </li>
        ))}
      </ol>
      {entries.length > 1 && (
        <div className="revision-compare">
          {choose(words.compareFrom, from, setFrom)}
          {choose(words.compareTo, to, setTo)}
          {parts && <DiffView parts={parts} />}
          <button type="button" disabled={from === revision} onClick={() => void restore()}>
            {fill(words.restoreRevision, { n: number(from ?? revision) })}
          </button>
        </div>
      )}
    </section>
  )
}
