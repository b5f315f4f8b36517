import {
  type RefObject,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import type { Article } from '../../shared/article.js'
import { type BeforeCloseDetail, beforeCloseEvent } from '../../shared/before-close.js'
import { checkArticle, fieldLength, rulesFor } from '../../shared/content-profile.js'
import type { DeskApi } from '../../shared/contract.js'
import type { ArticleFields, Delta, ReviewNote } from '../../shared/article.js'
import { noteParagraph } from '../../shared/notes.js'
import { deltaToParagraphs } from '../../shared/delta.js'
import { type TextStats, textStats } from '../../shared/text-stats.js'
import { BodyEditor } from '../editor/BodyEditor.js'
import type { Settings } from '../../shared/settings.js'
import { Autosaver, type SaveStatus } from './autosave.js'
import type { MediaUrl } from '../api/desk.js'
import { FeaturedImage } from './FeaturedImage.js'
import { Field } from './Field.js'
import { fieldLabel, findingsFor } from './findings.js'
import { type Draft, MetadataPanel } from './MetadataPanel.js'
import { HistoryPanel } from './HistoryPanel.js'
import { newEditingSession } from './editing-session.js'
import { NotesPanel } from './NotesPanel.js'
import { SitePreview } from './SitePreview.js'
import { useWords } from './words.js'

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
  desk: DeskApi
  mediaUrl: MediaUrl
  onError: (message: string) => void
  settings: Settings
  saverRef: RefObject<Autosaver | null>
  onSaved: (article: Article) => void
  onStatus: (status: SaveStatus) => void
  onStats: (stats: TextStats) => void
  onTrash: () => void
  /** After a move made from this article (review), so the desk reloads it. */
  onMoved: () => void
  /** Unsaved changes restored from a recovery copy (and its session), saved again on opening. */
  recovered?: { changes: Partial<ArticleFields>; session: string }
  /** Search words the article was opened from, to show the first match. */
  highlight?: string[]
}) {
  const { words } = useWords()
  const { article, desk, settings, saverRef, onSaved, onStatus, onStats } = props
  const [draft, setDraft] = useState<Draft>(() => ({
    ...draftOf(article),
    ...props.recovered?.changes,
  }))
  const [tab, setTab] = useState<'metadata' | 'preview' | 'history' | 'notes'>(
    (article.notes ?? []).some((note) => !note.resolvedAt) ? 'notes' : 'metadata',
  )
  const [notes, setNotes] = useState<ReviewNote[]>(article.notes ?? [])
  const slugTouched = useRef(false)
  const headlineRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    // A restored copy's session goes on: its first landed save supersedes that copy.
    const session = props.recovered?.session ?? newEditingSession()
    const saver = new Autosaver({
      article,
      session,
      save: desk.articles.save,
      onSaved: (saved) => {
        // The desk derives the slug from the headline until the editor sets one.
        if (!slugTouched.current) setDraft((current) => ({ ...current, slug: saved.slug }))
        onSaved(saved)
      },
      onStatus,
    })
    saverRef.current = saver
    onStatus({ kind: 'saved', at: article.updatedAt })
    if (props.recovered) saver.change(props.recovered.changes)
    // A recovery copy that cannot be kept is said, not swallowed: the text is then only here.
    const keepCopy = async (unsaved: NonNullable<ReturnType<Autosaver['unsaved']>>) => {
      const kept = await desk.recovery.put({ id: article.id, ...unsaved })
      if (!kept.ok) props.onError(kept.error.message)
    }
    // While text is unsaved, the host keeps a copy in the data dir every few seconds.
    let lastCopy = ''
    const copier = setInterval(() => {
      const unsaved = saver.unsaved()
      if (!unsaved) return
      const copy = JSON.stringify(unsaved)
      if (copy === lastCopy) return
      lastCopy = copy
      void keepCopy(unsaved)
    }, 3000)
    // The desktop app asks before its window closes (shared/before-close.ts).
    const beforeClose = (event: Event) => {
      const { waitUntil } = (event as CustomEvent<BeforeCloseDetail>).detail
      const unsaved = saver.unsaved()
      waitUntil(
        (unsaved ? desk.recovery.put({ id: article.id, ...unsaved }) : Promise.resolve()).then(() =>
          saver.flush(),
        ),
      )
    }
    window.addEventListener(beforeCloseEvent, beforeClose)
    if (!article.headline) headlineRef.current?.focus()
    return () => {
      clearInterval(copier)
      window.removeEventListener(beforeCloseEvent, beforeClose)
      saver.dispose()
      // Leaving with text not yet saved: a recovery copy first, in case the last save fails.
      const unsaved = saver.unsaved()
      if (unsaved) void keepCopy(unsaved)
      void saver.flush()
    }
    // One saver per opened article; later renders of the same article keep it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id])

  const change = useCallback(
    (fields: Partial<Draft>) => {
      if (fields.slug !== undefined) slugTouched.current = true
      setDraft((current) => ({ ...current, ...fields }))
      saverRef.current?.change(fields)
    },
    [saverRef],
  )

  // The body reaches the draft (preview, checks) when typing pauses; the saver reads it itself.
  const bodyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const changeBody = useCallback(
    (read: () => Delta) => {
      saverRef.current?.changeBody(read)
      clearTimeout(bodyTimer.current)
      bodyTimer.current = setTimeout(
        () => setDraft((current) => ({ ...current, body: read() })),
        500,
      )
    },
    [saverRef],
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
          {({ id, describedBy }) => (
            <input
              id={id}
              className="kicker"
              dir="rtl"
              lang="ar"
              value={draft.kicker}
              aria-describedby={describedBy}
              aria-invalid={findingsFor(findings, 'kicker').length > 0}
              onChange={(event) => change({ kicker: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={words.headline}
          findings={findingsFor(findings, 'headline')}
          count={{ value: fieldLength(draft, 'headline'), max: rules.headline.max }}
        >
          {({ id, describedBy }) => (
            <input
              id={id}
              ref={headlineRef}
              className="headline"
              dir="rtl"
              lang="ar"
              value={draft.headline}
              placeholder={words.headlinePlaceholder}
              aria-describedby={describedBy}
              aria-invalid={findingsFor(findings, 'headline').length > 0}
              onChange={(event) => change({ headline: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={words.summary}
          findings={findingsFor(findings, 'summary')}
          count={{ value: fieldLength(draft, 'summary'), max: rules.summary.max }}
        >
          {({ id, describedBy }) => (
            <textarea
              id={id}
              className="summary"
              dir="rtl"
              lang="ar"
              rows={2}
              value={draft.summary}
              aria-describedby={describedBy}
              aria-invalid={findingsFor(findings, 'summary').length > 0}
              onChange={(event) => change({ summary: event.target.value })}
            />
          )}
        </Field>
        <BodyEditor
          articleId={article.id}
          initial={props.recovered?.changes.body ?? article.body}
          quoteStyle={settings.quoteStyle}
          desk={desk}
          mediaUrl={props.mediaUrl}
          onBodyChanged={changeBody}
          onText={onText}
          onError={props.onError}
          onSave={() => void saverRef.current?.flush()}
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
        <div role="tablist" className="tabs">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'metadata'}
            onClick={() => setTab('metadata')}
          >
            {words.metadataTab}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'preview'}
            onClick={() => setTab('preview')}
          >
            {words.preview}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'history'}
            onClick={() => setTab('history')}
          >
            {words.historyTab}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'notes'}
            onClick={() => setTab('notes')}
          >
            {words.notesTab}
            {openNotes.length > 0 && <span className="badge"> {openNotes.length}</span>}
          </button>
        </div>
        <div role="tabpanel" className="tab-panel">
          {tab === 'notes' ? (
            <NotesPanel
              article={article}
              notes={notes}
              paragraphs={paragraphs}
              desk={desk}
              timeZone={settings.timeZone}
              onNotes={setNotes}
              onMoved={props.onMoved}
              onError={props.onError}
            />
          ) : tab === 'history' ? (
            <HistoryPanel article={article} timeZone={settings.timeZone} />
          ) : tab === 'metadata' ? (
            <>
              <Readiness findings={findings} />
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
                desk={desk}
                mediaUrl={props.mediaUrl}
                onError={props.onError}
                onChange={(featuredImage) => change({ featuredImage })}
              />
            </>
          ) : (
            <SitePreview
              draft={settled}
              visits={article.visits}
              comments={article.comments}
              fallbackDate={article.updatedAt}
              settings={settings}
              bodyImageUrl={(file) => props.mediaUrl(article.id, file)}
              imageUrl={
                settled.featuredImage
                  ? props.mediaUrl(article.id, settled.featuredImage.file)
                  : null
              }
            />
          )}
        </div>
      </aside>
    </div>
  )
}

function Readiness(props: { findings: ReturnType<typeof checkArticle> }) {
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
