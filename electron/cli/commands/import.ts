import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { importFormatByExtension } from '../../../shared/export-formats.js'
import { linkedImagePaths, maxImageBytes } from '../../../shared/linked-images.js'
import { reason, reasonText } from '../../../shared/reasons.js'
import type { ImportReport } from '../../../shared/transfer.js'
import { openDesk } from '../../core/desk.js'
import { cliDeskApi } from '../desk-api.js'
import { type CliIo, UsageError } from '../io.js'
import { progressLine } from '../progress.js'

/**
 * An article file to import, named as the desk's window names a chosen folder's files
 * (`archive/2019/خبر.md`: the folder first, so that linked images resolve inside it), or by its
 * own name when a single file is named (its images then come from beside it).
 */
interface ImportFile {
  path: string
  name: string
  /** Where a name's first part is on disk: the folder named, or the file's own folder. */
  root: string
  prefix: string
}

/** Files a path names: the file itself, or the importable files anywhere in a folder. */
async function filesUnder(path: string): Promise<ImportFile[]> {
  const info = await stat(path).catch(() => null)
  if (!info?.isDirectory()) {
    return [{ path, name: basename(path), root: dirname(resolve(path)), prefix: '' }]
  }
  const root = resolve(path)
  const prefix = `${basename(root) || 'folder'}/`
  const entries = await readdir(path, { recursive: true })
  return entries
    .filter((entry) => importFormatByExtension[extname(entry).slice(1).toLowerCase()])
    .sort()
    .map((entry) => ({
      path: join(path, entry),
      name: prefix + entry.split('\\').join('/'),
      root,
      prefix,
    }))
}

/** The images a Markdown or HTML file links to inside its folder, read from disk; none else. */
async function linkedImages(file: ImportFile, bytes: Buffer) {
  if (!/\.(md|markdown|html?)$/i.test(file.name)) return []
  const found: { name: string; bytes: Buffer }[] = []
  for (const name of linkedImagePaths(bytes.toString('utf8'), file.name)) {
    const target = join(file.root, name.slice(file.prefix.length))
    const info = await stat(target).catch(() => null)
    if (!info?.isFile() || info.size > maxImageBytes) continue
    found.push({ name, bytes: await readFile(target) })
  }
  return found
}

/** Files per call, and raw bytes per call (a batch's images included): bounded memory. */
const batchFiles = 500
const batchBytes = 48 * 1024 * 1024

/**
 * `midad import PATH... [--allow-duplicates] [--json]`: one line per imported article (id, a
 * tab, headline); duplicates are skipped with a note; a failing file is reported and the others
 * still go in (exit 1). The files go through the desk's `import.files`, as the window's do.
 */
export async function importCommand(
  dataDir: string,
  paths: string[],
  options: { json: boolean; allowDuplicates: boolean; systemUser?: string },
  io: CliIo,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('import needs at least one file or folder')
  const groups = await Promise.all(paths.map(filesUnder))
  const total = groups.reduce((sum, group) => sum + group.length, 0)
  const desk = await openDesk({
    dataDir,
    purpose: 'midad import',
    systemUser: options.systemUser,
    warn: (message) => io.err(`warning: ${message}`),
  })
  const api = cliDeskApi(desk)
  const report: ImportReport = { imported: [], duplicates: [], failed: [], warnings: [] }
  const progress = progressLine('importing', total, io)
  let done = 0
  try {
    for (const group of groups) {
      for (let start = 0; start < group.length;) {
        // One call's files: the report names them back by their paths on disk.
        const pathOf = new Map<string, string>()
        const files: { name: string; base64: string }[] = []
        const images = new Map<string, string>()
        let bytes = 0
        let taken = 0
        while (start < group.length && files.length < batchFiles && bytes < batchBytes) {
          const file = group[start++]!
          taken++
          try {
            const content = await readFile(file.path)
            for (const image of await linkedImages(file, content)) {
              if (images.has(image.name)) continue
              images.set(image.name, image.bytes.toString('base64'))
              bytes += image.bytes.length
            }
            files.push({ name: file.name, base64: content.toString('base64') })
            pathOf.set(file.name, file.path)
            bytes += content.length
          } catch (error) {
            const detail = reason('import-file-unreadable', { error: (error as Error).message })
            report.failed.push({ file: file.path, reason: reasonText(detail), detail })
          }
        }
        if (files.length) {
          const result = await api.import.files({
            files,
            allowDuplicates: options.allowDuplicates,
            ...(images.size
              ? { images: [...images].map(([name, base64]) => ({ name, base64 })) }
              : {}),
          })
          const named = <T extends { file: string }>(entry: T): T => ({
            ...entry,
            file: pathOf.get(entry.file) ?? entry.file,
          })
          if (result.ok) {
            report.imported.push(...result.value.imported.map(named))
            report.duplicates.push(...result.value.duplicates.map(named))
            report.failed.push(...result.value.failed.map(named))
            report.warnings.push(...result.value.warnings.map(named))
          } else {
            for (const file of files)
              report.failed.push(named({ file: file.name, reason: result.error.message }))
          }
        }
        done += taken
        progress(done)
      }
    }
  } finally {
    progress.done()
    // The search index written whole before the command ends, however few came in: the next
    // reader (a `midad search`, a desk) finds every imported story without reading it again.
    await desk.context.search.flush()
    await desk.close()
  }
  for (const { file, message } of report.warnings) io.err(`warning: ${file}: ${message}`)
  for (const { file, headline } of report.duplicates) {
    io.err(
      `skipped ${file}: «${headline}» with the same date is already in the library (--allow-duplicates imports it)`,
    )
  }
  for (const { file, reason } of report.failed) io.err(`failed ${file}: ${reason}`)
  if (options.json) io.out(JSON.stringify(report, null, 2))
  else for (const { id, headline } of report.imported) io.out(`${id}\t${headline}`)
  return report.failed.length ? 1 : 0
}
