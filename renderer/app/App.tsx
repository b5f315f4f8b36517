import { useCallback, useEffect, useMemo, useState } from 'react'
import type { LibraryNotice } from '../../shared/notices.js'
import type { RecoveryCopy } from '../../shared/transfer.js'
import { searchTerms } from '../../shared/search-text.js'
import { type Settings, defaultSettings } from '../../shared/settings.js'
import { type Language, dictionary, direction } from '../i18n/i18n.js'
import { ArticleWorkspace } from './ArticleWorkspace.js'
import { ErrorList } from './ErrorList.js'
import { ExportDialog } from './ExportDialog.js'
import { ImportDialog } from './ImportDialog.js'
import { type LibraryQuery, useLibraryPages } from './library-pages.js'
import { LibrarySidebar } from './LibrarySidebar.js'
import { NoticesBanner } from './NoticesBanner.js'
import { RecoveryBanner } from './RecoveryBanner.js'
import { SearchResults } from './SearchResults.js'
import { QueueBoard } from './QueueBoard.js'
import { SettingsScreen } from './SettingsScreen.js'
import { type DeskStats, StatusBar } from './StatusBar.js'
import { Toolbar } from './Toolbar.js'
import { useDeskErrors } from './use-desk-errors.js'
import { useMissedSchedules } from './use-missed-schedules.js'
import { useOpenArticle } from './use-open-article.js'
import { useSearch } from './use-search.js'
import { useTeamArrivals } from './use-team-arrivals.js'
import { WordsContext, uiWords } from './words.js'
import { EditorNamePrompt } from './EditorNamePrompt.js'
import { TrashDialog } from './TrashDialog.js'
import { ConflictDialog } from './ConflictDialog.js'
import { type DeskConnection, DeskConnectionContext } from './desk-context.js'
import './banners.css'
import './print.css'

/** The desk: toolbar, library, the open article and the status bar. */
export function App({ connection }: { connection: DeskConnection }) {
  const { desk } = connection
  const [settings, setSettings] = useState<Settings>(defaultSettings)
  const [libraryQuery, setLibraryQuery] = useState<LibraryQuery>({})
  /** Articles moved to the trash in this window: gone from search results found before. */
  const [trashed, setTrashed] = useState<ReadonlySet<string>>(new Set())
  const [notices, setNotices] = useState<LibraryNotice[]>([])
  const [copies, setCopies] = useState<RecoveryCopy[]>([])
  const [stats, setStats] = useState<DeskStats | null>(null)
  const [screen, setScreen] = useState<'desk' | 'settings' | 'queue'>('desk')
  const [dialog, setDialog] = useState<
    { kind: 'import'; files: File[] } | { kind: 'export' } | { kind: 'trash' } | null
  >(null)
  const language: Language = settings.language
  const words = dictionary(language)

  const { errors, report, valueOf, dismiss } = useDeskErrors(words)
  const pages = useLibraryPages(desk, libraryQuery, report)
  const reloadLibrary = pages.reload
  const search = useSearch(desk, valueOf)
  const missed = useMissedSchedules(desk, words.missedBanner)
  const article = useOpenArticle({
    desk,
    valueOf,
    report,
    saveFailed: words.statusFailed,
    onLibraryChanged: useCallback(() => void reloadLibrary(), [reloadLibrary]),
  })
  const { open } = article
  const onTeamArrivals = useTeamArrivals(desk, article, reloadLibrary)

  const reloadSettings = useCallback(async () => {
    const value = valueOf(await desk.settings.get())
    if (value) setSettings(value)
  }, [desk, valueOf])

  useEffect(() => {
    // Loading the desk's state on mount: the setState calls come after the awaited calls.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reloadSettings()
    void reloadLibrary()
    void desk.recovery.list().then((result) => {
      const value = valueOf(result)
      if (value) setCopies(value)
    })
    void desk.library.notices().then((result) => {
      const value = valueOf(result)
      if (value) setNotices(value)
    })
  }, [desk, reloadSettings, reloadLibrary, valueOf])

  useEffect(() => {
    document.documentElement.lang = language
    document.documentElement.dir = direction(language)
    document.title = words.appName
  }, [language, words])

  const refreshMissed = missed.refresh
  useEffect(() => refreshMissed(), [screen, refreshMissed])

  const restore = useCallback(
    async (copy: RecoveryCopy) => {
      if (await article.restore(copy)) setCopies((all) => all.filter((entry) => entry !== copy))
    },
    [article],
  )

  const discard = useCallback(
    async (copy: RecoveryCopy) => {
      if (valueOf(await desk.recovery.discard(copy.id, copy.session))) {
        setCopies((all) => all.filter((entry) => entry !== copy))
      }
    },
    [desk, valueOf],
  )

  const trash = useCallback(async () => {
    const id = await article.trash()
    if (!id) return
    setTrashed((all) => new Set([...all, id]))
    setStats(null)
  }, [article])

  const switchLanguage = useCallback(async () => {
    const next = valueOf(await desk.settings.update({ language: language === 'ar' ? 'en' : 'ar' }))
    if (next) setSettings(next)
  }, [desk, language, valueOf])

  // A save that met a newer revision opens the side-by-side choice (ConflictDialog), once.
  const conflicted = article.status?.kind === 'failed' && article.status.error.code === 'conflict'
  const [conflictOpen, setConflictOpen] = useState(false)
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- opened by the save's answer
    if (conflicted) setConflictOpen(true)
  }, [conflicted])
  const resolveConflict = useCallback(
    async (shown: string) => {
      setConflictOpen(false)
      // The editor takes the article as it now is, or mine where it became its own article.
      await article.showResolved(shown)
    },
    [article],
  )

  const context = useMemo(
    () => uiWords(language, settings.digits, settings.timeZone),
    [language, settings.digits, settings.timeZone],
  )
  return (
    <DeskConnectionContext.Provider value={connection}>
      <WordsContext.Provider value={context}>
        <div
          className="desk"
          onDragOver={(event) => {
            if (event.dataTransfer.types.includes('Files')) event.preventDefault()
          }}
          onDrop={(event) => {
            if (!event.dataTransfer.files.length) return
            event.preventDefault()
            setDialog({ kind: 'import', files: [...event.dataTransfer.files] })
          }}
        >
          <Toolbar
            onNewArticle={() => void article.create()}
            onImport={() => setDialog({ kind: 'import', files: [] })}
            onExport={() => setDialog({ kind: 'export' })}
            onSettings={() => setScreen('settings')}
            onQueue={() => setScreen('queue')}
            onSwitchLanguage={() => void switchLanguage()}
            onSearch={(query) => {
              setScreen('desk')
              void search.start(query)
            }}
          />
          {dialog?.kind === 'import' && (
            <ImportDialog
              droppedFiles={dialog.files}
              onImported={() => {
                void reloadLibrary()
                void reloadSettings()
              }}
              onClose={() => setDialog(null)}
            />
          )}
          {conflicted && conflictOpen && open && article.saver && (
            <ConflictDialog
              mine={open}
              changes={article.saver.unsaved()?.changes ?? {}}
              onResolved={(id) => void resolveConflict(id)}
              onClose={() => setConflictOpen(false)}
            />
          )}
          {dialog?.kind === 'trash' && (
            <TrashDialog
              purgeDays={settings.trashPurgeDays}
              trashedHere={trashed.size}
              onRestored={() => void reloadLibrary()}
              onClose={() => setDialog(null)}
            />
          )}
          {dialog?.kind === 'export' && (
            <ExportDialog
              open={open}
              articles={pages.loaded}
              settings={settings}
              onError={report}
              onClose={() => setDialog(null)}
            />
          )}
          <EditorNamePrompt settings={settings} onSaved={setSettings} />
          <NoticesBanner notices={notices} onDismiss={() => setNotices([])} />
          <RecoveryBanner
            copies={copies}
            onRestore={(copy) => void restore(copy)}
            onDiscard={(copy) => void discard(copy)}
          />
          <ErrorList errors={errors} onDismiss={dismiss} />
          {missed.missed.length > 0 && (
            <section className="missed-banner" role="alert" aria-label={words.missedBanner}>
              <p>
                <strong>{words.missedBanner}:</strong>{' '}
                {missed.missed.map((card) => card.headline || words.untitled).join('، ')}.
              </p>
              <button type="button" onClick={() => setScreen('queue')}>
                {words.queue}
              </button>
            </section>
          )}
          {screen === 'queue' && (
            <QueueBoard
              settings={settings}
              onError={report}
              onClose={() => setScreen('desk')}
              onOpen={(id) => {
                setScreen('desk')
                void article.select(id)
              }}
              onMoved={(id) => {
                void article.reloadAfterMove(id)
                refreshMissed()
              }}
            />
          )}
          {screen === 'settings' && (
            <SettingsScreen
              settings={settings}
              onSaved={setSettings}
              onClose={() => setScreen('desk')}
            />
          )}
          <div className="panes" hidden={screen !== 'desk'}>
            {search.search ? (
              <SearchResults
                query={search.search.query}
                hits={
                  search.search.hits && search.search.hits.filter((hit) => !trashed.has(hit.id))
                }
                selectedId={open?.id ?? null}
                onSelect={(id) => void article.select(id, searchTerms(search.search!.query))}
                onClose={search.close}
              />
            ) : (
              <LibrarySidebar
                pages={pages}
                query={libraryQuery}
                onQuery={setLibraryQuery}
                sections={settings.sections}
                selectedId={open?.id ?? null}
                timeZone={settings.timeZone}
                onSelect={(id) => void article.select(id)}
                onOpenTrash={() => setDialog({ kind: 'trash' })}
              />
            )}
            <main className="main">
              {open && article.saver ? (
                <ArticleWorkspace
                  key={article.opening}
                  article={open}
                  saver={article.saver}
                  recovered={article.recovered}
                  highlight={article.highlight}
                  onError={report}
                  settings={settings}
                  onStats={setStats}
                  onSettings={setSettings}
                  onTrash={() => void trash()}
                  onMoved={() => void article.reloadAfterMove(open.id)}
                />
              ) : (
                <p className="empty">{words.noArticle}</p>
              )}
            </main>
          </div>
          <StatusBar
            status={open ? article.status : null}
            stats={open ? stats : null}
            state={open?.state ?? null}
            onTeamArrivals={onTeamArrivals}
          />
        </div>
      </WordsContext.Provider>
    </DeskConnectionContext.Provider>
  )
}
