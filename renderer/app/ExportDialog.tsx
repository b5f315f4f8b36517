import { useState } from 'react'
import type { Article, ArticleSummary } from '../../shared/article.js'
import { type ExportFormat, exportFormats } from '../../shared/export-formats.js'
import type { Settings } from '../../shared/settings.js'
import type { ExportResult } from '../../shared/transfer.js'
import type { Dictionary } from '../i18n/ar.js'
import { offerDownload } from '../api/files.js'
import { Dialog } from './Dialog.js'
import { useWords } from './words.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'
import { Check } from './Check.js'

const formatLabel: Record<ExportFormat, keyof Dictionary> = {
  text: 'formatText',
  html: 'formatHtml',
  ninjs: 'formatNinjs',
  markdown: 'formatMarkdown',
  docx: 'formatDocx',
  jsonfeed: 'formatJsonfeed',
  rss: 'formatRss',
  pdf: 'formatPdf',
}

/** Export: the open article or the whole library, in chosen formats, to a folder or as downloads. */
export function ExportDialog(props: {
  open: Article | null
  articles: ArticleSummary[]
  settings: Settings
  onError: (message: string) => void
  onClose: () => void
}) {
  const { words, number } = useWords()
  const { settings } = props
  const { desk } = useDesk()
  const [scope, setScope] = useState<'open' | 'all'>(props.open ? 'open' : 'all')
  const [formats, setFormats] = useState<ExportFormat[]>(settings.exportFormats)
  const [folder, setFolder] = useState('')
  const [bundle, setBundle] = useState(false)
  const [zip, setZip] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ExportResult | null>(null)
  const ids = scope === 'open' && props.open ? [props.open.id] : props.articles.map((a) => a.id)
  // PDF is printed by the desktop app (Electron); the browser host has no printer for it.
  const offered = exportFormats.filter((format) => format !== 'pdf' || window.midad !== undefined)

  const toFolder = async () => {
    setBusy(true)
    const outcome = await desk.export.articles({
      ids,
      formats,
      folder: folder.trim() || undefined,
      bundle: bundle || undefined,
      zip: zip || undefined,
    })
    setBusy(false)
    if (outcome.ok) setResult(outcome.value)
    else props.onError(describeError(words, outcome.error))
  }

  // One article: a file per format (a feed of that one article for the feeds). Many: one zip
  // of the bundle, as a browser cannot be given a folder.
  const download = async () => {
    setBusy(true)
    const outcomes =
      scope === 'open' && props.open
        ? await Promise.all(formats.map((format) => desk.export.download({ id: ids[0]!, format })))
        : [await desk.export.zip({ ids, formats })]
    setBusy(false)
    for (const outcome of outcomes) {
      if (outcome.ok)
        offerDownload(outcome.value.fileName, outcome.value.mimeType, outcome.value.base64)
      else props.onError(describeError(words, outcome.error))
    }
  }

  return (
    <Dialog title={words.exportTitle} onClose={props.onClose}>
      <fieldset>
        <legend>{words.exportScope}</legend>
        <label className="check">
          <input
            type="radio"
            name="scope"
            checked={scope === 'open'}
            disabled={!props.open}
            onChange={() => setScope('open')}
          />
          {words.exportOpenArticle}
        </label>
        <label className="check">
          <input
            type="radio"
            name="scope"
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />
          {words.exportAllListed} ({number(props.articles.length)})
        </label>
      </fieldset>
      <fieldset>
        <legend>{words.formats}</legend>
        {offered.map((format) => (
          <Check
            key={format}
            checked={formats.includes(format)}
            onChange={(checked) =>
              setFormats((all) => (checked ? [...all, format] : all.filter((f) => f !== format)))
            }
          >
            {words[formatLabel[format]]}
          </Check>
        ))}
      </fieldset>
      <label className="field">
        <span>{words.exportFolder}</span>
        <input
          dir="ltr"
          value={folder}
          placeholder={settings.exportFolder || words.exportFolderDefault}
          onChange={(event) => setFolder(event.target.value)}
        />
      </label>
      {window.midad !== undefined && (
        <button
          type="button"
          onClick={async () => {
            const chosen = await desk.export.chooseFolder()
            if (!chosen.ok) props.onError(describeError(words, chosen.error))
            else if (chosen.value.folder) setFolder(chosen.value.folder)
          }}
        >
          {words.exportChooseFolder}
        </button>
      )}
      <div className="dialog-row">
        <Check checked={bundle} onChange={setBundle}>
          {words.bundle}
        </Check>
        <Check checked={zip} onChange={setZip}>
          {words.zip}
        </Check>
      </div>
      {formats.length === 0 && <p className="failed">{words.noFormats}</p>}
      <div className="dialog-row">
        <button
          type="button"
          className="primary"
          disabled={busy || !formats.length || !ids.length}
          onClick={() => void toFolder()}
        >
          {words.exportToFolder}
        </button>
        <button
          type="button"
          disabled={busy || !formats.length || !ids.length}
          onClick={() => void download()}
        >
          {scope === 'open' ? words.download : words.downloadZip}
        </button>
      </div>
      {result && (
        <section className="report" aria-live="polite">
          <p>{words.exportedFiles}:</p>
          <ul data-testid="exported-files">
            {result.files.map((file) => (
              <li key={file.path} dir="ltr">
                {file.path}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  )
}
