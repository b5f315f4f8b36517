import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Article, ArticleFields } from '../../shared/article.js'
import type { LibraryNotice } from '../../shared/notices.js'
import type { RecoveryCopy } from '../../shared/transfer.js'
import type { QueueCard } from '../../shared/workflow.js'
import type { DeskApi } from '../../shared/contract.js'
import type { MediaUrl } from '../api/desk.js'
import type { Result } from '../../shared/result.js'
import type { TextStats } from '../../shared/text-stats.js'
import { type SearchHit, searchTerms } from '../../shared/search-text.js'
import { type Settings, defaultSettings } from '../../shared/settings.js'
import { type Language, dictionary, direction } from '../i18n/i18n.js'
import { ArticleWorkspace } from './ArticleWorkspace.js'
import type { Autosaver, SaveStatus } from './autosave.js'
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
import { StatusBar } from './StatusBar.js'
import { Toolbar } from './Toolbar.js'
import { WordsContext } from './words.js'

/** The desk: toolbar, library, the open article and the status bar. */
export function App({ desk, mediaUrl }: { desk: DeskApi; mediaUrl: MediaUrl }) {
  const [settings, setSettings] = useState<Settings>(defaultSettings)
  const [libraryQuery, setLibraryQuery] = useState<LibraryQuery>({})
  /** Articles moved to the trash in this window: gone from search results found before. */
  const [trashed, setTrashed] = useState<ReadonlySet<string>>(new Set())
  const [open, setOpen] = useState<Article | null>(null)
  const [recovered, setRecovered] = useState<
    { changes: Partial<ArticleFields>; session: string } | undefined
  >(undefined)
  const [notices, setNotices] = useState<LibraryNotice[]>([])
  /** The search words the open article was opened from. */
  const [highlight, setHighlight] = useState<string[] | undefined>(undefined)
  const [copies, setCopies] = useState<RecoveryCopy[]>([])
  const [status, setStatus] = useState<SaveStatus | null>(null)
  const [stats, setStats] = useState<TextStats | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const saverRef = useRef<Autosaver | null>(null)
  const [screen, setScreen] = useState<'desk' | 'settings' | 'queue'>('desk')
  const [search, setSearch] = useState<{ query: string; hits: SearchHit[] | null } | null>(null)
  const searchRun = useRef(0)
  // Bumped when the open article changes outside the editor (a move), so the editor reloads it.
  const [epoch, setEpoch] = useState(0)
  const [missed, setMissed] = useState<QueueCard[]>([])
  const notified = useRef(new Set<string>())
  const [dialog, setDialog] = useState<
    { kind: 'import'; files: File[] } | { kind: 'export' } | null
  >(null)
  const language: Language = settings.language
  const words = dictionary(language)

  const report = useCallback((message: string) => setErrors((all) => [...all, message]), [])
  /** The value of a result, or null after showing its error. */
  const valueOf = useCallback(
    <T,>(result: Result<T>): T | null => {
      if (result.ok) return result.value
      report([result.error.message, ...(result.error.reasons ?? [])].join(' — '))
      return null
    },
    [report],
  )

  const pages = useLibraryPages(desk, libraryQuery, report)
  const reloadLibrary = pages.reload

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

  useEffect(() => {
    // Closing the tab with unsaved text asks first.
    const guard = (event: BeforeUnloadEvent) => {
      if (saverRef.current?.dirty) event.preventDefault()
    }
    window.addEventListener('beforeunload', guard)
    return () => window.removeEventListener('beforeunload', guard)
  }, [])

  // A saved article's row moves (newest first) or changes: the first page is asked for again.
  const putSummary = useCallback((_article: Article) => void reloadLibrary(), [reloadLibrary])

  const onSaved = useCallback(
    (article: Article) => {
      setOpen((current) => (current?.id === article.id ? article : current))
      putSummary(article)
    },
    [putSummary],
  )

  /** Saves the open article before leaving it; false keeps it open with its text. */
  const leaveOpenArticle = useCallback(async (): Promise<boolean> => {
    const saver = saverRef.current
    if (!saver || (await saver.flush())) return true
    report(words.statusFailed)
    return false
  }, [report, words])

  const select = useCallback(
    async (id: string, terms?: string[]) => {
      if (id === open?.id || !(await leaveOpenArticle())) return
      const article = valueOf(await desk.articles.get(id))
      if (!article) return
      setRecovered(undefined)
      setHighlight(terms)
      setOpen(article)
    },
    [desk, open, leaveOpenArticle, valueOf],
  )

  // A search shows its results in the library's place; a newer search wins over an older one.
  const runSearch = useCallback(
    async (query: string) => {
      const run = ++searchRun.current
      setScreen('desk')
      setSearch({ query, hits: null })
      const hits = valueOf(await desk.articles.search({ query }))
      if (run !== searchRun.current) return
      setSearch(hits ? { query, hits } : null)
    },
    [desk, valueOf],
  )

  const create = useCallback(async () => {
    if (!(await leaveOpenArticle())) return
    const article = valueOf(await desk.articles.create({}))
    if (!article) return
    putSummary(article)
    setRecovered(undefined)
    setOpen(article)
  }, [desk, leaveOpenArticle, putSummary, valueOf])

  const refreshAfterMove = useCallback(
    async (id: string) => {
      void reloadLibrary()
      if (open?.id !== id) return
      const article = valueOf(await desk.articles.get(id))
      if (!article) return
      setRecovered(undefined)
      setOpen(article)
      setEpoch((n) => n + 1)
    },
    [desk, open, reloadLibrary, valueOf],
  )

  useEffect(() => {
    // Missed schedules are shown loudly wherever the editor is, not only on the board.
    const check = () =>
      void desk.queue.list().then((result) => {
        if (!result.ok) return
        const now = result.value.filter((card) => card.missedSchedule)
        const fresh = now.filter((card) => !notified.current.has(card.id))
        for (const card of fresh) notified.current.add(card.id)
        if (fresh.length) notifyMissed(words.missedBanner, fresh)
        setMissed(now)
      })
    check()
    const timer = setInterval(check, 30_000)
    return () => clearInterval(timer)
  }, [desk, screen, words])

  const restore = useCallback(
    async (copy: RecoveryCopy) => {
      if (!(await leaveOpenArticle())) return
      const article = valueOf(await desk.articles.get(copy.id))
      if (!article) return
      setCopies((all) => all.filter((entry) => entry !== copy))
      setOpen(null)
      setRecovered({ changes: copy.changes, session: copy.session })
      setOpen(article)
    },
    [desk, leaveOpenArticle, valueOf],
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
    // Saved first: a trashed article keeps everything the editor wrote.
    if (!open || !(await leaveOpenArticle())) return
    saverRef.current?.dispose()
    saverRef.current = null
    if (!valueOf(await desk.articles.trash(open.id))) return
    setTrashed((all) => new Set([...all, open.id]))
    void reloadLibrary()
    setOpen(null)
    setStatus(null)
    setStats(null)
  }, [desk, open, leaveOpenArticle, valueOf, reloadLibrary])

  const switchLanguage = useCallback(async () => {
    const next = valueOf(await desk.settings.update({ language: language === 'ar' ? 'en' : 'ar' }))
    if (next) setSettings(next)
  }, [desk, language, valueOf])

  const context = useMemo(() => ({ words, language }), [words, language])
  return (
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
          onNewArticle={() => void create()}
          onImport={() => setDialog({ kind: 'import', files: [] })}
          onExport={() => setDialog({ kind: 'export' })}
          onSettings={() => setScreen('settings')}
          onQueue={() => setScreen('queue')}
          onSwitchLanguage={() => void switchLanguage()}
          onSearch={runSearch}
        />
        {dialog?.kind === 'import' && (
          <ImportDialog
            desk={desk}
            droppedFiles={dialog.files}
            onImported={() => {
              void reloadLibrary()
              void reloadSettings()
            }}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog?.kind === 'export' && (
          <ExportDialog
            desk={desk}
            open={open}
            articles={pages.loaded}
            settings={settings}
            onError={report}
            onClose={() => setDialog(null)}
          />
        )}
        <NoticesBanner notices={notices} onDismiss={() => setNotices([])} />
        <RecoveryBanner
          copies={copies}
          timeZone={settings.timeZone}
          onRestore={(copy) => void restore(copy)}
          onDiscard={(copy) => void discard(copy)}
        />
        <ErrorList
          errors={errors}
          onDismiss={(index) => setErrors((all) => all.filter((_, i) => i !== index))}
        />
        {missed.length > 0 && (
          <section className="missed-banner" role="alert" aria-label={words.missedBanner}>
            <strong>{words.missedBanner}:</strong>{' '}
            {missed.map((card) => card.headline || words.untitled).join('، ')}
            <button type="button" onClick={() => setScreen('queue')}>
              {words.queue}
            </button>
          </section>
        )}
        {screen === 'queue' && (
          <QueueBoard
            desk={desk}
            settings={settings}
            onError={report}
            onOpen={(id) => {
              setScreen('desk')
              void select(id)
            }}
            onMoved={(id) => void refreshAfterMove(id)}
          />
        )}
        {screen === 'settings' && (
          <SettingsScreen
            desk={desk}
            settings={settings}
            onSaved={setSettings}
            onClose={() => setScreen('desk')}
          />
        )}
        <div className="panes" hidden={screen !== 'desk'}>
          {search ? (
            <SearchResults
              query={search.query}
              hits={search.hits && search.hits.filter((hit) => !trashed.has(hit.id))}
              selectedId={open?.id ?? null}
              onSelect={(id) => void select(id, searchTerms(search.query))}
              onClose={() => {
                // A search still under way must not open the results again.
                searchRun.current++
                setSearch(null)
              }}
            />
          ) : (
            <LibrarySidebar
              pages={pages}
              query={libraryQuery}
              onQuery={setLibraryQuery}
              sections={settings.sections}
              selectedId={open?.id ?? null}
              timeZone={settings.timeZone}
              onSelect={(id) => void select(id)}
            />
          )}
          <main className="main">
            {open ? (
              <ArticleWorkspace
                key={`${open.id}:${epoch}${recovered ? ':recovered' : ''}`}
                article={open}
                recovered={recovered}
                highlight={highlight}
                desk={desk}
                mediaUrl={mediaUrl}
                onError={report}
                settings={settings}
                saverRef={saverRef}
                onSaved={onSaved}
                onStatus={setStatus}
                onStats={setStats}
                onTrash={() => void trash()}
                onMoved={() => void refreshAfterMove(open.id)}
              />
            ) : (
              <p className="empty">{words.noArticle}</p>
            )}
          </main>
        </div>
        <StatusBar
          status={open ? status : null}
          stats={open ? stats : null}
          state={open?.state ?? null}
          timeZone={settings.timeZone}
        />
      </div>
    </WordsContext.Provider>
  )
}

/** A system notification for newly missed schedules, where the platform allows one. */
function notifyMissed(title: string, cards: QueueCard[]): void {
  if (!('Notification' in window)) return
  const show = () =>
    new Notification(title, {
      body: cards.map((card) => card.headline).join('\n'),
      lang: 'ar',
      dir: 'rtl',
    })
  if (Notification.permission === 'granted') show()
  else if (Notification.permission === 'default') {
    void Notification.requestPermission().then((answer) => answer === 'granted' && show())
  }
}
