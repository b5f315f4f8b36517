import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import type { Article } from '../../shared/article.js'
import { checkArticle, fieldLength, rulesFor } from '../../shared/content-profile.js'
import type { ArticleFields, Delta, ReviewNote } from '../../shared/article.js'
import { noteParagraph } from '../../shared/notes.js'
import { deltaToParagraphs } from '../../shared/delta.js'
import { textStats } from '../../shared/text-stats.js'
import type { DeskStats } from './StatusBar.js'
import { BodyEditor } from '../editor/BodyEditor.js'
import type { Settings } from '../../shared/settings.js'
import type { Autosaver } from './autosave.js'
import { Field } from './Field.js'
import { findingsFor } from './findings.js'
import type { Draft } from './MetadataPanel.js'
import { ArticleSidePanel, type SideTab } from './ArticleSidePanel.js'
import { useProofing } from './use-proofing.js'
import { useSpelling } from './use-spelling.js'
import { useSpellingMenu } from './use-spelling-menu.js'
import { SpellingMenu } from './SpellingMenu.js'
import { useWords } from './words.js'
import './workspace.css'
import { LineEditor, type LineEditorHandle } from '../editor/LineEditor.js'
import { CorrectionBanner } from './CorrectionBanner.js'
import { PresenceNotice } from './PresenceNotice.js'

const draftOf = (article: Article): Draft => ({
  headline: article.headline,
  kicker: article.kicker,
  summary: article.summary,
  section: article.section,
  byline: article.byline,
  source: article.source,
  place: article.place,
  publishedAt: article.publishedAt,
  tags: article.tags,
  slug: article.slug,
  priority: article.priority,
  editorNote: article.editorNote,
  featuredImage: article.featuredImage ?? null,
  body: article.body,
})

/**
 * One open article: the headline and body in the centre, the metadata and the site preview in
 * the side panel, all on one draft that autosaves and is checked live against the content rules.
 */
export function ArticleWorkspace(props: {
  article: Article
  onError: (message: string) => void
  settings: Settings
  /** The open article's saver (App owns it: useOpenArticle). */
  saver: Autosaver
  onStats: (stats: DeskStats) => void
  /** Settings changed from here (a word added to the newsroom's dictionary). */
  onSettings: (settings: Settings) => void
  onTrash: () => void
  /** After a move made from this article (review), so the desk reloads it. */
  onMoved: () => void
  /** Unsaved changes restored from a recovery copy (and its session), saved again on opening. */
  recovered?: { changes: Partial<ArticleFields>; session: string }
  /** Search words the article was opened from, to show the first match. */
  highlight?: string[]
}) {
  const { words } = useWords()
  const { article, settings, saver, onStats } = props
  const [draft, setDraft] = useState<Draft>(() => ({
    ...draftOf(article),
    ...props.recovered?.changes,
  }))
  const [tab, setTab] = useState<SideTab>(
    (article.notes ?? []).some((note) => !note.resolvedAt) ? 'notes' : 'metadata',
  )
  const [notes, setNotes] = useState<ReviewNote[]>(article.notes ?? [])
  const slugTouched = useRef(false)
  const headlineRef = useRef<LineEditorHandle>(null)
  // Published, the story is shown as it went out; changing it begins a correction (a note).
  const published = article.state === 'exported'

  useEffect(() => {
    if (!article.headline) headlineRef.current?.focus()
    // Only when the article opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // The desk derives the slug from the headline until the editor sets one: a save's slug shows.
  const savedSlug = article.slug
  const shownSlug = useRef(savedSlug)
  useEffect(() => {
    if (savedSlug === shownSlug.current) return
    shownSlug.current = savedSlug
    // Following the saved article, which the desk changed.

    if (!slugTouched.current) setDraft((current) => ({ ...current, slug: savedSlug }))
  }, [savedSlug])

  const change = useCallback(
    (fields: Partial<Draft>) => {
      if (fields.slug !== undefined) slugTouched.current = true
      setDraft((current) => ({ ...current, ...fields }))
      saver.change(fields)
    },
    [saver],
  )

  // The body reaches the draft (preview, checks) when typing pauses; the saver reads it itself.
  const bodyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const changeBody = useCallback(
    (read: () => Delta) => {
      saver.changeBody(read)
      clearTimeout(bodyTimer.current)
      bodyTimer.current = setTimeout(
        () => setDraft((current) => ({ ...current, body: read() })),
        500,
      )
    },
    [saver],
  )
  useEffect(() => () => clearTimeout(bodyTimer.current), [])
  // The status bar's figures: the text's, when typing pauses; the proofing count, when checked.
  const stats = useRef<DeskStats>(textStats(''))
  const onText = useCallback(
    (text: string) => onStats((stats.current = { ...stats.current, ...textStats(text) })),
    [onStats],
  )

  // Checks and the preview follow the draft when the editor pauses, never on the typing path.
  const settled = useDeferredValue(draft)
  // The body's paragraphs, once per settled draft: for the checks and the review notes.
  const paragraphs = useMemo(() => deltaToParagraphs(settled.body), [settled.body])
  const findings = useMemo(
    () =>
      checkArticle({ ...settled, text: paragraphs }, settings.contentProfile, settings.sections),
    [settled, paragraphs, settings],
  )

  const quillOfHeadline = useCallback(() => headlineRef.current?.quill() ?? null, [])
  const texts = useMemo(() => [settled.headline, ...paragraphs], [settled.headline, paragraphs])
  const spelling = useSpelling(texts, settings, props.onSettings, props.onError)
  const proofing = useProofing(settled, paragraphs, settings, quillOfHeadline, spelling.misspelled)
  const spellingMenu = useSpellingMenu(proofing, spelling)
  const proofingCount = proofing.findings.length
  useEffect(() => {
    onStats((stats.current = { ...stats.current, findings: proofingCount }))
  }, [proofingCount, onStats])

  const rules = rulesFor(settings.contentProfile, draft.section)
  const openNotes = notes.filter((note) => !note.resolvedAt)
  const marks = openNotes.flatMap((note) => {
    const index = noteParagraph(note, paragraphs)
    return index === null ? [] : [{ paragraph: index, text: note.text }]
  })
  return (
    <div className="workspace">
      <article className="editor" onContextMenu={spellingMenu.onContextMenu}>
        <PresenceNotice articleId={article.id} />
        {published && <CorrectionBanner articleId={article.id} onStarted={props.onMoved} />}
        <div className="editor-actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (window.confirm(words.trashConfirm)) props.onTrash()
            }}
          >
            {words.trash}
          </button>
        </div>
        <Field
          label={words.kicker}
          findings={findingsFor(findings, 'kicker')}
          count={{ value: fieldLength(draft, 'kicker'), max: rules.kicker.max }}
        >
          {({ id, labelId, describedBy }) => (
            <LineEditor
              id={id}
              className="kicker"
              readOnly={published}
              value={draft.kicker}
              labelledBy={labelId}
              describedBy={describedBy}
              invalid={findingsFor(findings, 'kicker').length > 0}
              onChange={(kicker) => change({ kicker })}
            />
          )}
        </Field>
        <Field
          label={words.headline}
          findings={findingsFor(findings, 'headline')}
          count={{ value: fieldLength(draft, 'headline'), max: rules.headline.max }}
        >
          {({ id, labelId, describedBy }) => (
            <LineEditor
              id={id}
              className="headline"
              readOnly={published}
              ref={headlineRef}
              placeholder={words.headlinePlaceholder}
              value={draft.headline}
              labelledBy={labelId}
              describedBy={describedBy}
              invalid={findingsFor(findings, 'headline').length > 0}
              onChange={(headline) => change({ headline })}
            />
          )}
        </Field>
        <Field
          label={words.summary}
          findings={findingsFor(findings, 'summary')}
          count={{ value: fieldLength(draft, 'summary'), max: rules.summary.max }}
        >
          {({ id, labelId, describedBy }) => (
            <LineEditor
              id={id}
              className="summary"
              readOnly={published}
              value={draft.summary}
              labelledBy={labelId}
              describedBy={describedBy}
              invalid={findingsFor(findings, 'summary').length > 0}
              onChange={(summary) => change({ summary })}
            />
          )}
        </Field>
        <BodyEditor
          readOnly={published}
          articleId={article.id}
          initial={props.recovered?.changes.body ?? article.body}
          quoteStyle={settings.quoteStyle}
          onBodyChanged={changeBody}
          onText={onText}
          onError={props.onError}
          onSave={() => void saver.flush()}
          noteMarks={marks}
          highlight={props.highlight}
          onQuill={proofing.onBodyQuill}
        />
        {findingsFor(findings, 'body').length > 0 && (
          <p className="finding" role="status">
            {words.findingEmptyBody}
          </p>
        )}
      </article>
      <ArticleSidePanel
        article={article}
        tab={tab}
        onTab={setTab}
        notes={notes}
        onNotes={setNotes}
        paragraphs={paragraphs}
        findings={findings}
        draft={draft}
        settled={settled}
        settings={settings}
        published={published}
        change={change}
        proofing={proofing}
        onSpelling={spellingMenu.openFor}
        onMoved={props.onMoved}
        onError={props.onError}
      />
      {spellingMenu.menu && <SpellingMenu readOnly={published} {...spellingMenu.menu} />}
    </div>
  )
}
