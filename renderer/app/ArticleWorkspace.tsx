import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import type { Article } from '../../shared/article.js'
import { checkArticle, fieldLength, rulesFor } from '../../shared/content-profile.js'
import type { ArticleFields, Delta, ReviewNote } from '../../shared/article.js'
import { noteParagraph } from '../../shared/notes.js'
import { deltaToParagraphs } from '../../shared/delta.js'
import { type TextStats, textStats } from '../../shared/text-stats.js'
import { BodyEditor } from '../editor/BodyEditor.js'
import type { Settings } from '../../shared/settings.js'
import type { Autosaver } from './autosave.js'
import { FeaturedImage } from './FeaturedImage.js'
import { Field } from './Field.js'
import { findingsFor } from './findings.js'
import { type Draft, MetadataPanel } from './MetadataPanel.js'
import { HistoryPanel } from './HistoryPanel.js'
import { NotesPanel } from './NotesPanel.js'
import { Readiness } from './Readiness.js'
import { SitePreview } from './SitePreview.js'
import { Tabs } from './Tabs.js'
import { useWords } from './words.js'
import './workspace.css'
import { useDesk } from './desk-context.js'
import { LineEditor, type LineEditorHandle } from '../editor/LineEditor.js'
import { CorrectionBanner } from './CorrectionBanner.js'

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
  onStats: (stats: TextStats) => void
  onTrash: () => void
  /** After a move made from this article (review), so the desk reloads it. */
  onMoved: () => void
  /** Unsaved changes restored from a recovery copy (and its session), saved again on opening. */
  recovered?: { changes: Partial<ArticleFields>; session: string }
  /** Search words the article was opened from, to show the first match. */
  highlight?: string[]
}) {
  const { words, number } = useWords()
  const { article, settings, saver, onStats } = props
  const { mediaUrl } = useDesk()
  const [draft, setDraft] = useState<Draft>(() => ({
    ...draftOf(article),
    ...props.recovered?.changes,
  }))
  const [tab, setTab] = useState<'metadata' | 'preview' | 'history' | 'notes'>(
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
  const onText = useCallback((text: string) => onStats(textStats(text)), [onStats])

  // Checks and the preview follow the draft when the editor pauses, never on the typing path.
  const settled = useDeferredValue(draft)
  // The body's paragraphs, once per settled draft: for the checks and the review notes.
  const paragraphs = useMemo(() => deltaToParagraphs(settled.body), [settled.body])
  const findings = useMemo(
    () =>
      checkArticle({ ...settled, text: paragraphs }, settings.contentProfile, settings.sections),
    [settled, paragraphs, settings],
  )

  const rules = rulesFor(settings.contentProfile, draft.section)
  const openNotes = notes.filter((note) => !note.resolvedAt)
  const marks = openNotes.flatMap((note) => {
    const index = noteParagraph(note, paragraphs)
    return index === null ? [] : [{ paragraph: index, text: note.text }]
  })
  return (
    <div className="workspace">
      <article className="editor">
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
        />
        {findingsFor(findings, 'body').length > 0 && (
          <p className="finding" role="status">
            {words.findingEmptyBody}
          </p>
        )}
      </article>
      <aside className="side-panel" aria-label={words.sidePanel}>
        <Tabs
          label={words.sidePanel}
          selected={tab}
          onSelect={setTab}
          tabs={[
            { key: 'metadata', label: words.metadataTab },
            { key: 'preview', label: words.preview },
            { key: 'history', label: words.historyTab },
            {
              key: 'notes',
              label: (
                <>
                  {words.notesTab}
                  {openNotes.length > 0 && (
                    <span className="badge"> {number(openNotes.length)}</span>
                  )}
                </>
              ),
            },
          ]}
        >
          {tab === 'notes' ? (
            <NotesPanel
              article={article}
              notes={notes}
              paragraphs={paragraphs}
              onNotes={setNotes}
              onMoved={props.onMoved}
              onError={props.onError}
            />
          ) : tab === 'history' ? (
            <HistoryPanel article={article} onRestored={props.onMoved} onError={props.onError} />
          ) : tab === 'metadata' ? (
            <>
              <Readiness findings={findings} />
              <fieldset className="plain" disabled={published}>
                <MetadataPanel
                  draft={draft}
                  article={article}
                  settings={settings}
                  findings={findings}
                  onChange={change}
                />
                <FeaturedImage
                  articleId={article.id}
                  image={draft.featuredImage}
                  onError={props.onError}
                  onChange={(featuredImage) => change({ featuredImage })}
                />
              </fieldset>
            </>
          ) : (
            <SitePreview
              draft={settled}
              visits={article.visits}
              comments={article.comments}
              fallbackDate={article.updatedAt}
              settings={settings}
              bodyImageUrl={(file) => mediaUrl(article.id, file)}
              imageUrl={
                settled.featuredImage ? mediaUrl(article.id, settled.featuredImage.file) : null
              }
            />
          )}
        </Tabs>
      </aside>
    </div>
  )
}
