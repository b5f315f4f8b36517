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
import { checkArticle, fieldLength, rulesFor } from '../../shared/content-profile.js'
import type { DeskApi } from '../../shared/contract.js'
import { deltaToParagraphs, paragraphsToDelta } from '../../shared/delta.js'
import type { Settings } from '../../shared/settings.js'
import { Autosaver, type SaveStatus } from './autosave.js'
import type { MediaUrl } from '../api/desk.js'
import { FeaturedImage } from './FeaturedImage.js'
import { Field } from './Field.js'
import { fieldLabel, findingsFor } from './findings.js'
import { type Draft, MetadataPanel } from './MetadataPanel.js'
import { SitePreview } from './SitePreview.js'
import { useWords } from './words.js'

/** Splits the shell's plain text into paragraphs: one per non-empty line, kept as written. */
export function textToParagraphs(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

/** Words in a text, as an editor counts them: runs holding a letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

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
  onWordCount: (count: number) => void
  onTrash: () => void
}) {
  const { words } = useWords()
  const { article, desk, settings, saverRef, onSaved, onStatus, onWordCount } = props
  const [draft, setDraft] = useState<Draft>(() => draftOf(article))
  const [bodyText, setBodyText] = useState(article.text.join('\n'))
  const [tab, setTab] = useState<'metadata' | 'preview'>('metadata')
  const slugTouched = useRef(false)
  const headlineRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const saver = new Autosaver({
      article,
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
    if (!article.headline) headlineRef.current?.focus()
    return () => {
      saver.dispose()
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

  // Checks and the preview follow the draft when the editor pauses, never on the typing path.
  const settled = useDeferredValue(draft)
  const findings = useMemo(
    () =>
      checkArticle(
        { ...settled, text: deltaToParagraphs(settled.body) },
        settings.contentProfile,
        settings.sections,
      ),
    [settled, settings],
  )
  useEffect(() => {
    onWordCount(countWords(`${settled.headline} ${deltaToParagraphs(settled.body).join(' ')}`))
  }, [settled, onWordCount])

  const headlineRule = rulesFor(settings.contentProfile, draft.section).headline
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
          label={words.headline}
          findings={findingsFor(findings, 'headline')}
          count={{ value: fieldLength(draft, 'headline'), max: headlineRule.max }}
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
        <Field label={words.body} findings={findingsFor(findings, 'body')}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              className="body"
              dir="rtl"
              lang="ar"
              value={bodyText}
              placeholder={words.bodyPlaceholder}
              aria-describedby={describedBy}
              onChange={(event) => {
                setBodyText(event.target.value)
                change({ body: paragraphsToDelta(textToParagraphs(event.target.value)) })
              }}
              onBlur={() => void saverRef.current?.flush()}
            />
          )}
        </Field>
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
        </div>
        <div role="tabpanel" className="tab-panel">
          {tab === 'metadata' ? (
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
