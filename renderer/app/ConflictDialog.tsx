import { useEffect, useState } from 'react'
import type { Article, ArticleFields } from '../../shared/article.js'
import { deltaToParagraphs } from '../../shared/delta.js'
import { wordDiff } from '../../shared/revisions.js'
import { BidiText } from './BidiText.js'
import { Dialog } from './Dialog.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { DiffView } from './RevisionsPanel.js'
import { useWords } from './words.js'

/**
 * A save met a newer revision (another window, another tab, another program): both side by
 * side with the word diff from theirs to mine, and the editor chooses. Keep mine: a new revision
 * on top of theirs. Take theirs: mine stays as a recovery copy until dismissed. Keep both: mine
 * becomes a new article.
 */
export function ConflictDialog(props: {
  mine: Article
  changes: Partial<ArticleFields>
  onResolved: (open: string) => void
  onClose: () => void
}) {
  const { words, number } = useWords()
  const { desk } = useDesk()
  const [theirs, setTheirs] = useState<Article | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const mineFields = { ...props.mine, ...props.changes }
  const mineText = props.changes.body ? deltaToParagraphs(props.changes.body) : props.mine.text
  useEffect(() => {
    void desk.articles.get(props.mine.id).then((result) => {
      if (result.ok) setTheirs(result.value)
      else setProblem(describeError(words, result.error))
    })
  }, [desk, props.mine.id, words])

  const keepMine = async () => {
    if (!theirs) return
    const result = await desk.articles.save({
      id: theirs.id,
      baseRevision: theirs.revision,
      changes: props.changes,
    })
    if (!result.ok) return setProblem(describeError(words, result.error))
    props.onResolved(theirs.id)
  }
  const keepBoth = async () => {
    const rest = mineFields
    // Its own article: a new id and slug; every field the editor writes, as mine has it.
    const fields: Partial<ArticleFields> = {
      headline: rest.headline,
      kicker: rest.kicker,
      summary: rest.summary,
      section: rest.section,
      byline: rest.byline,
      source: rest.source,
      place: rest.place,
      tags: rest.tags,
      priority: rest.priority,
      editorNote: rest.editorNote,
      body: rest.body,
    }
    const result = await desk.articles.create(fields)
    if (!result.ok) return setProblem(describeError(words, result.error))
    props.onResolved(result.value.id)
  }
  return (
    <Dialog title={words.conflictTitle} onClose={props.onClose}>
      <p>{words.conflictHint}</p>
      {problem && (
        <p className="failed" role="alert">
          {problem}
        </p>
      )}
      {theirs && (
        <>
          <div className="conflict-sides">
            <section aria-label={words.conflictTheirs}>
              <h3>
                {words.conflictTheirs} ({number(theirs.revision)})
              </h3>
              <p className="diff" dir="rtl">
                <strong>
                  <BidiText text={theirs.headline} />
                </strong>
              </p>
              {theirs.text.map((paragraph, index) => (
                <p key={index} dir="auto">
                  <BidiText text={paragraph} />
                </p>
              ))}
            </section>
            <section aria-label={words.conflictMine}>
              <h3>{words.conflictMine}</h3>
              <p className="diff" dir="rtl">
                <strong>
                  <BidiText text={mineFields.headline} />
                </strong>
              </p>
              {mineText.map((paragraph, index) => (
                <p key={index} dir="auto">
                  <BidiText text={paragraph} />
                </p>
              ))}
            </section>
          </div>
          <h3>{words.conflictDiff}</h3>
          <DiffView parts={wordDiff(theirs, { headline: mineFields.headline, text: mineText })} />
          <div className="dialog-row">
            <button type="button" className="primary" onClick={() => void keepMine()}>
              {words.conflictKeepMine}
            </button>
            <button type="button" onClick={() => props.onResolved(theirs.id)}>
              {words.conflictTakeTheirs}
            </button>
            <button type="button" onClick={() => void keepBoth()}>
              {words.conflictKeepBoth}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
