import { readdir, readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { importFormatByExtension } from '../../../shared/export-formats.js'
import type { ImportReport } from '../../../shared/transfer.js'
import { openDesk } from '../../core/desk.js'
import { maxImageBytes } from '../../core/media.js'
import { type ImportSource, importSources } from '../../core/import/import-files.js'
import { type CliIo, UsageError } from '../io.js'
import { progressLine } from '../progress.js'

/**
 * Files a path names: the file itself, or the importable files anywhere in a folder; each with
 * the folder its linked images must stay inside (the folder named, or the file's own).
 */
async function filesUnder(path: string): Promise<{ path: string; root: string }[]> {
  const info = await stat(path).catch(() => null)
  if (!info?.isDirectory()) return [{ path, root: dirname(resolve(path)) }]
  const entries = await readdir(path, { recursive: true })
  return entries
    .filter((entry) => importFormatByExtension[extname(entry).slice(1).toLowerCase()])
    .sort()
    .map((entry) => ({ path: join(path, entry), root: resolve(path) }))
}

/**
 * Reads an image a file links to (`images/a b.png`), relative to the file, never from outside
 * `root`, and never more than the library takes; null when there is none such.
 */
function linkedImageReader(file: string, root: string) {
  return async (relative: string): Promise<Uint8Array | null> => {
    const target = resolve(dirname(resolve(file)), relative)
    if (!target.startsWith(root + sep)) return null
    const info = await stat(target).catch(() => null)
    if (!info?.isFile() || info.size > maxImageBytes) return null
    return readFile(target)
  }
}

const batchSize = 500

/**
 * `midad import PATH... [--allow-duplicates] [--json]`: one line per imported article (id, a
 * tab, headline); duplicates are skipped with a note; a failing file is reported and the others
 * still go in (exit 1).
 */
export async function importCommand(
  dataDir: string,
  paths: string[],
  options: { json: boolean; allowDuplicates: boolean; systemUser?: string },
  io: CliIo,
): Promise<number> {
  if (paths.length === 0) throw new UsageError('import needs at least one file or folder')
  const files = (await Promise.all(paths.map(filesUnder))).flat()
  const desk = await openDesk({
    dataDir,
    purpose: 'midad import',
    systemUser: options.systemUser,
    warn: (message) => io.err(`warning: ${message}`),
  })
  const report: ImportReport = { imported: [], duplicates: [], failed: [], warnings: [] }
  const progress = progressLine('importing', files.length, io)
  try {
    for (let start = 0; start < files.length; start += batchSize) {
      const sources: ImportSource[] = []
      for (const { path, root } of files.slice(start, start + batchSize)) {
        try {
          sources.push({
            name: path,
            bytes: await readFile(path),
            linkedImage: linkedImageReader(path, root),
          })
        } catch (error) {
          report.failed.push({ file: path, reason: (error as Error).message })
        }
      }
      const part = await importSources(desk.context, sources, {
        allowDuplicates: options.allowDuplicates,
        onProgress: (done) => progress(start + done),
      })
      report.imported.push(...part.imported)
      report.duplicates.push(...part.duplicates)
      report.failed.push(...part.failed)
      report.warnings.push(...part.warnings)
    }
  } finally {
    progress.done()
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
