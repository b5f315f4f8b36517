import { useCallback, useEffect, useRef, useState } from 'react'
import type { DeskApi } from '../../shared/contract.js'
import { importFormatByExtension } from '../../shared/export-formats.js'
import type { ImportReport } from '../../shared/transfer.js'
import { fileToBase64 } from '../api/files.js'
import { Dialog } from './Dialog.js'
import { useWords } from './words.js'

const accept = Object.keys(importFormatByExtension)
  .map((extension) => `.${extension}`)
  .join(',')
/** Raw bytes per request: base64 of this stays well under the host's 25 MB limit. */
const batchBytes = 8 * 1024 * 1024
const maxFileBytes = 18 * 1024 * 1024

const importable = (file: File) =>
  Boolean(importFormatByExtension[file.name.split('.').pop()?.toLowerCase() ?? ''])

const emptyReport = (): ImportReport => ({ imported: [], duplicates: [], failed: [], warnings: [] })

/** Splits files into requests of a bounded size. */
export function batches(files: File[]): File[][] {
  const out: File[][] = []
  let current: File[] = []
  let size = 0
  for (const file of files) {
    if (current.length && (size + file.size > batchBytes || current.length >= 50)) {
      out.push(current)
      current = []
      size = 0
    }
    current.push(file)
    size += file.size
  }
  if (current.length) out.push(current)
  return out
}

/** Import: pick files or a folder (or drop them), with a progress bar and a report. */
export function ImportDialog(props: {
  desk: DeskApi
  droppedFiles: File[]
  onImported: () => void
  onClose: () => void
}) {
  const { words } = useWords()
  const [allowDuplicates, setAllowDuplicates] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const { desk, onImported } = props

  const run = useCallback(
    async (chosen: File[]) => {
      const total = emptyReport()
      const tooLarge = chosen.filter((file) => file.size > maxFileBytes)
      for (const file of tooLarge) total.failed.push({ file: file.name, reason: 'over 18 MB' })
      const files = chosen.filter((file) => file.size <= maxFileBytes)
      setReport(null)
      setProgress({ done: 0, total: files.length })
      let done = 0
      for (const batch of batches(files)) {
        const payload = await Promise.all(
          batch.map(async (file) => ({
            name: file.webkitRelativePath || file.name,
            base64: await fileToBase64(file),
          })),
        )
        const result = await desk.import.files({ files: payload, allowDuplicates })
        if (result.ok) {
          for (const key of ['imported', 'duplicates', 'failed', 'warnings'] as const) {
            ;(total[key] as unknown[]).push(...result.value[key])
          }
        } else {
          for (const file of batch)
            total.failed.push({ file: file.name, reason: result.error.message })
        }
        done += batch.length
        setProgress({ done, total: files.length })
      }
      setProgress(null)
      setReport(total)
      if (total.imported.length) onImported()
    },
    [desk, allowDuplicates, onImported],
  )

  useEffect(() => {
    // Dropped files are imported once, when the dialog opens with them.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (props.droppedFiles.length) void run(props.droppedFiles)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const busy = progress !== null
  return (
    <Dialog title={words.importTitle} onClose={props.onClose}>
      <p>{words.importHint}</p>
      <div className="dialog-row">
        <label className="button">
          {words.chooseFiles}
          <input
            type="file"
            multiple
            accept={accept}
            disabled={busy}
            className="visually-hidden"
            onChange={(event) => void run([...(event.target.files ?? [])])}
          />
        </label>
        <label className="button">
          {words.chooseFolder}
          <input
            ref={(input) => {
              folderInput.current = input
              input?.setAttribute('webkitdirectory', '')
            }}
            type="file"
            multiple
            disabled={busy}
            className="visually-hidden"
            onChange={(event) => void run([...(event.target.files ?? [])].filter(importable))}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={allowDuplicates}
            onChange={(event) => setAllowDuplicates(event.target.checked)}
          />
          {words.allowDuplicates}
        </label>
      </div>
      {progress && (
        <label className="field">
          <span>
            {words.importing} {progress.done}/{progress.total}
          </span>
          <progress max={progress.total} value={progress.done} />
        </label>
      )}
      {report && (
        <section className="report" aria-live="polite">
          <p data-testid="import-summary">
            {words.importedCount}: {report.imported.length} · {words.duplicatesCount}:{' '}
            {report.duplicates.length} · {words.failedCount}: {report.failed.length}
          </p>
          <ul>
            {report.failed.map(({ file, reason }) => (
              <li key={`f-${file}`} className="failed" dir="auto">
                {file}: {reason}
              </li>
            ))}
            {report.duplicates.map(({ file, headline }) => (
              <li key={`d-${file}`} dir="auto">
                {file}: {headline}
              </li>
            ))}
            {report.warnings.map(({ file, message }, index) => (
              <li key={`w-${index}`} dir="auto">
                {file}: {message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  )
}
