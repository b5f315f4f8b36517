import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { type Article, type ArticleSummary, newestFirst, summarize } from '../../shared/article.js'
import type { DeskApi } from '../../shared/contract.js'
import type { Result } from '../../shared/result.js'
import { type Settings, defaultSettings } from '../../shared/settings.js'
import { type Language, dictionary, direction } from '../i18n/i18n.js'
import { ArticleEditor } from './ArticleEditor.js'
import type { Autosaver, SaveStatus } from './autosave.js'
import { ErrorList } from './ErrorList.js'
import { LibrarySidebar } from './LibrarySidebar.js'
import { StatusBar } from './StatusBar.js'
import { Toolbar } from './Toolbar.js'
import { WordsContext } from './words.js'

/** The desk: toolbar, library, the open article and the status bar. */
export function App({ desk }: { desk: DeskApi }) {
  const [settings, setSettings] = useState<Settings>(defaultSettings)
  const [articles, setArticles] = useState<ArticleSummary[]>([])
  const [open, setOpen] = useState<Article | null>(null)
  const [status, setStatus] = useState<SaveStatus | null>(null)
  const [wordCount, setWordCount] = useState<number | null>(null)
  const [errors, setErrors] = useState<string[]>([])
  const saverRef = useRef<Autosaver | null>(null)
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

  useEffect(() => {
    void desk.settings.get().then((result) => {
      const value = valueOf(result)
      if (value) setSettings(value)
    })
    void desk.articles.list().then((result) => {
      const value = valueOf(result)
      if (value) setArticles(value)
    })
  }, [desk, valueOf])

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

  const putSummary = useCallback((article: Article) => {
    setArticles((all) =>
      [summarize(article), ...all.filter((entry) => entry.id !== article.id)].sort(newestFirst),
    )
  }, [])

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
    async (id: string) => {
      if (id === open?.id || !(await leaveOpenArticle())) return
      const article = valueOf(await desk.articles.get(id))
      if (article) setOpen(article)
    },
    [desk, open, leaveOpenArticle, valueOf],
  )

  const create = useCallback(async () => {
    if (!(await leaveOpenArticle())) return
    const article = valueOf(await desk.articles.create({}))
    if (!article) return
    putSummary(article)
    setOpen(article)
  }, [desk, leaveOpenArticle, putSummary, valueOf])

  const trash = useCallback(async () => {
    // Saved first: a trashed article keeps everything the editor wrote.
    if (!open || !(await leaveOpenArticle())) return
    saverRef.current?.dispose()
    saverRef.current = null
    if (!valueOf(await desk.articles.trash(open.id))) return
    setArticles((all) => all.filter((entry) => entry.id !== open.id))
    setOpen(null)
    setStatus(null)
    setWordCount(null)
  }, [desk, open, leaveOpenArticle, valueOf])

  const switchLanguage = useCallback(async () => {
    const next = valueOf(await desk.settings.update({ language: language === 'ar' ? 'en' : 'ar' }))
    if (next) setSettings(next)
  }, [desk, language, valueOf])

  const context = useMemo(() => ({ words, language }), [words, language])
  return (
    <WordsContext.Provider value={context}>
      <div className="desk">
        <Toolbar
          onNewArticle={() => void create()}
          onSwitchLanguage={() => void switchLanguage()}
        />
        <ErrorList
          errors={errors}
          onDismiss={(index) => setErrors((all) => all.filter((_, i) => i !== index))}
        />
        <div className="panes">
          <LibrarySidebar
            articles={articles}
            selectedId={open?.id ?? null}
            timeZone={settings.timeZone}
            onSelect={(id) => void select(id)}
          />
          <main className="main">
            {open ? (
              <ArticleEditor
                key={open.id}
                article={open}
                desk={desk}
                saverRef={saverRef}
                onSaved={onSaved}
                onStatus={setStatus}
                onWordCount={setWordCount}
                onTrash={() => void trash()}
              />
            ) : (
              <p className="empty">{words.noArticle}</p>
            )}
          </main>
        </div>
        <StatusBar
          status={open ? status : null}
          wordCount={open ? wordCount : null}
          state={open?.state ?? null}
          timeZone={settings.timeZone}
        />
      </div>
    </WordsContext.Provider>
  )
}
