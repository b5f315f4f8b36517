import type { Article, ReviewNote } from '../../shared/article.js'
import type { checkArticle } from '../../shared/content-profile.js'
import type { Settings } from '../../shared/settings.js'
import { FeaturedImage } from './FeaturedImage.js'
import { HistoryPanel } from './HistoryPanel.js'
import { type Draft, MetadataPanel } from './MetadataPanel.js'
import { NotesPanel } from './NotesPanel.js'
import { ProofingPanel, type ShownFinding } from './ProofingPanel.js'
import { Readiness } from './Readiness.js'
import { SitePreview } from './SitePreview.js'
import { Tabs } from './Tabs.js'
import type { useProofing } from './use-proofing.js'
import { useDesk } from './desk-context.js'
import { useWords } from './words.js'

/** The side panel's tabs. */
export type SideTab = 'metadata' | 'preview' | 'history' | 'proofing' | 'notes'

/** The open article's side panel: metadata, the site preview, history, proofing and notes. */
export function ArticleSidePanel(props: {
  article: Article
  tab: SideTab
  onTab: (tab: SideTab) => void
  notes: ReviewNote[]
  onNotes: (notes: ReviewNote[]) => void
  paragraphs: string[]
  findings: ReturnType<typeof checkArticle>
  draft: Draft
  settled: Draft
  settings: Settings
  published: boolean
  change: (fields: Partial<Draft>) => void
  proofing: ReturnType<typeof useProofing>
  /** Opens the spelling menu of a misspelled word from its place in the proofing tab. */
  onSpelling: (finding: ShownFinding, from: HTMLElement) => void
  onMoved: () => void
  onError: (message: string) => void
}) {
  const { words, number } = useWords()
  const { mediaUrl } = useDesk()
  const { article, tab, notes, paragraphs, findings, draft, settled, settings, proofing } = props
  const openNotes = notes.filter((note) => !note.resolvedAt)
  return (
    <aside className="side-panel" aria-label={words.sidePanel}>
      <Tabs
        label={words.sidePanel}
        selected={tab}
        onSelect={props.onTab}
        tabs={[
          { key: 'metadata', label: words.metadataTab },
          { key: 'preview', label: words.preview },
          { key: 'history', label: words.historyTab },
          {
            key: 'proofing',
            label: (
              <>
                {words.styleTab}
                {proofing.findings.length > 0 && (
                  <span className="badge"> {number(proofing.findings.length)}</span>
                )}
              </>
            ),
          },
          {
            key: 'notes',
            label: (
              <>
                {words.notesTab}
                {openNotes.length > 0 && <span className="badge"> {number(openNotes.length)}</span>}
              </>
            ),
          },
        ]}
      >
        {tab === 'proofing' ? (
          <ProofingPanel
            findings={proofing.findings}
            ignored={proofing.ignored}
            readOnly={props.published}
            onFix={proofing.fix}
            onIgnore={proofing.ignore}
            onShow={proofing.show}
            onSpelling={props.onSpelling}
          />
        ) : tab === 'notes' ? (
          <NotesPanel
            article={article}
            notes={notes}
            paragraphs={paragraphs}
            onNotes={props.onNotes}
            onMoved={props.onMoved}
            onError={props.onError}
          />
        ) : tab === 'history' ? (
          <HistoryPanel article={article} onRestored={props.onMoved} onError={props.onError} />
        ) : tab === 'metadata' ? (
          <>
            <Readiness findings={findings} />
            <fieldset className="plain" disabled={props.published}>
              <MetadataPanel
                draft={draft}
                article={article}
                settings={settings}
                findings={findings}
                onChange={props.change}
              />
              <FeaturedImage
                articleId={article.id}
                image={draft.featuredImage}
                onError={props.onError}
                onChange={(featuredImage) => props.change({ featuredImage })}
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
  )
}
