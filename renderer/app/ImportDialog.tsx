import { useCallback, useEffect, useRef, useState } from 'react'
import { importFormatByExtension } from '../../shared/export-formats.js'
import type { ImportReport } from '../../shared/transfer.js'
import { fileToBase64 } from '../api/files.js'
import { Dialog } from './Dialog.js'
import { isImageFile, linkedImagePaths, maxImageBytes } from '../../shared/linked-images.js'
import { useWords } from './words.js'
import { describeError, reasonWords } from './describe-error.js'
import { reason, reasonText } from '../../shared/reasons.js'
import { useDesk } from './desk-context.js'
import { Check } from './Check.js'

const accept = Object.keys(importFormatByExtension)
  .map((extension) => `.${extension}`)
  .join(',')
/** Raw bytes per request: base64 of this stays well under the host's 25 MB limit. */
const batchBytes = 8 * 1024 * 1024
const maxFileBytes = 18 * 1024 * 1024

const importable = (file: File) =>
  Boolean(importFormatByExtension[file.name.split('.').pop()?.toLowerCase() ?? ''])

const emptyReport = (): ImportReport => ({ imported: [], duplicates: [], failed: [], warnings: [] })

/** An article file to import, with the images from the same chosen folder it links to. */
export interface ImportEntry {
  file: File
  images: File[]
}

/** Splits entries into requests of a bounded size; an image goes once in each request needing it. */
export function batches(entries: ImportEntry[]): ImportEntry[][] {
  const out: ImportEntry[][] = []
  let current: ImportEntry[] = []
  let sent = new Set<File>()
  let size = 0
  for (const entry of entries) {
    const added = entry.file.size + entry.images.reduce((sum, image) => sum + image.size, 0)
    if (current.length && (size + added > batchBytes || current.length >= 50)) {
      out.push(current)
      current = []
      sent = new Set()
      size = 0
    }
    current.push(entry)
    size += entry.file.size
    for (const image of entry.images) {
      if (sent.has(image)) continue
      sent.add(image)
      size += image.size
    }
  }
  if (current.length) out.push(current)
  return out
}

/** Each article file with the images it links to among those chosen with it (a folder). */
async function entriesOf(files: File[], images: File[]): Promise<ImportEntry[]> {
  const byPath = new Map(images.map((image) => [image.webkitRelativePath, image]))
  return Promise.all(
    files.map(async (file) => {
      if (byPath.size === 0 || !/\.(md|markdown|html?)$/i.test(file.name))
        return { file, images: [] }
      const paths = linkedImagePaths(await file.text(), file.webkitRelativePath || file.name)
      return { file, images: paths.flatMap((path) => byPath.get(path) ?? []) }
    }),
  )
}

/** Import: pick files or a folder (or drop them), with a progress bar and a report. */
export function ImportDialog(props: {
  droppedFiles: File[]
  onImported: () => void
  onClose: () => void
}) {
  const { words, number } = useWords()
  const [allowDuplicates, setAllowDuplicates] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const { onImported } = props
  const { desk } = useDesk()

  const run = useCallback(
    async (chosen: File[]) => {
      const total = emptyReport()
      // A chosen folder's images go along with the articles that link to them; every other file
      // is sent, and the desk says what it cannot import.
      const folderImage = (file: File) => isImageFile(file.name) && file.webkitRelativePath !== ''
      const tooLarge = chosen.filter((file) => !folderImage(file) && file.size > maxFileBytes)
      const tooLargeReason = reason('import-file-too-large', { limit: maxFileBytes / 1024 / 1024 })
      for (const file of tooLarge)
        total.failed.push({
          file: file.name,
          reason: reasonText(tooLargeReason),
          detail: tooLargeReason,
        })
      const images = chosen.filter((file) => folderImage(file) && file.size <= maxImageBytes)
      const files = chosen.filter((file) => !folderImage(file) && file.size <= maxFileBytes)
      setReport(null)
      setProgress({ done: 0, total: files.length })
      let done = 0
      for (const batch of batches(await entriesOf(files, images))) {
        const named = async (file: File) => ({
          name: file.webkitRelativePath || file.name,
          base64: await fileToBase64(file),
        })
        const payload = await Promise.all(batch.map((entry) => named(entry.file)))
        const linked = await Promise.all(
          [...new Set(batch.flatMap((entry) => entry.images))].map(named),
        )
        const result = await desk.import.files({
          files: payload,
          allowDuplicates,
          ...(linked.length ? { images: linked } : {}),
        })
        if (result.ok) {
          for (const key of ['imported', 'duplicates', 'failed', 'warnings'] as const) {
            ;(total[key] as unknown[]).push(...result.value[key])
          }
        } else {
          for (const { file } of batch)
            total.failed.push({ file: file.name, reason: describeError(words, result.error) })
        }
        done += batch.length
        setProgress({ done, total: files.length })
      }
      setProgress(null)
      setReport(total)
      if (total.imported.length) onImported()
    },
    [desk, allowDuplicates, onImported, words],
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
            // A folder holds other files too: only articles, and the images they may link to.
            onChange={(event) =>
              void run(
                [...(event.target.files ?? [])].filter(
                  (file) => importable(file) || isImageFile(file.name),
                ),
              )
            }
          />
        </label>
        <Check checked={allowDuplicates} onChange={setAllowDuplicates}>
          {words.allowDuplicates}
        </Check>
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
            {words.importedCount}: {number(report.imported.length)} · {words.duplicatesCount}:{' '}
            {number(report.duplicates.length)} · {words.failedCount}: {number(report.failed.length)}
          </p>
          <ul>
            {report.failed.map(({ file, reason, detail }) => (
              <li key={`f-${file}`} className="failed" dir="auto">
                {file}: {detail ? reasonWords(words, detail) : reason}
              </li>
            ))}
            {report.duplicates.map(({ file, headline }) => (
              <li key={`d-${file}`} dir="auto">
                {file}: {headline}
              </li>
            ))}
            {report.warnings.map(({ file, message, detail }, index) => (
              <li key={`w-${index}`} dir="auto">
                {file}: {detail ? reasonWords(words, detail) : message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  )
}
