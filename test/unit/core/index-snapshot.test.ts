import { writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { loadIndex, writeSnapshotFile } from '../../../electron/core/storage/index-files.js'
import type { IndexRow } from '../../../electron/core/storage/index-row.js'
import { libraryLayout } from '../../../electron/core/storage/layout.js'
import { readSnapshotLines } from '../../../electron/core/storage/snapshot-lines.js'
import { nodeFs } from '../../../electron/core/storage/storage-fs.js'
import { tempDir } from '../temp-dir.js'

const row = (n: number): IndexRow => ({
  id: `abcdefgh${String(n).padStart(4, '0')}`,
  headline: `عنوان طويل بما يكفي ليكون شريحة ${n}, "مقتبس" \\ ]} ,`,
  section: 'سياسة',
  state: 'draft',
  byline: '',
  slug: `عنوان-${n}`,
  publishedAt: null,
  updatedAt: '2026-12-01T09:00:00.000Z',
  priority: 3,
  scheduledAt: null,
  publishError: null,
  tags: ['أ', ']}'],
  stamp: { size: 10 + n, mtimeMs: 1.7e12, ino: 42 + n },
})

async function library() {
  const layout = libraryLayout(await tempDir())
  await nodeFs.mkdir(layout.temp, { recursive: true })
  const writer = { fs: nodeFs, layout, tempDir: layout.temp }
  return { layout, writer }
}

const rowsOf = async (layout: ReturnType<typeof libraryLayout>) => {
  const loaded = await loadIndex(nodeFs, layout)
  return { rows: [...loaded.rows.values()], generation: loaded.generation, damage: loaded.damage }
}

describe('library.json, read a row a line', () => {
  it('reads back what it wrote, with none, one or many rows', async () => {
    for (const count of [0, 1, 3, 2_500]) {
      const { layout, writer } = await library()
      const rows = Array.from({ length: count }, (_, n) => row(n))
      await writeSnapshotFile(writer, rows, 7)
      expect(await rowsOf(layout)).toEqual({ rows, generation: 7, damage: null })
      // Read a line at a time, across the megabyte chunks (2,500 rows are more than one).
      expect(await readSnapshotLines(nodeFs, layout.index)).toEqual({
        version: 2,
        generation: 7,
        articles: rows,
      })
    }
  })

  it('reads a library.json laid out otherwise as one JSON text, the same', async () => {
    const rows = [row(1), row(2)]
    const snapshot = { version: 2, generation: 3, articles: rows }
    for (const text of [
      JSON.stringify(snapshot),
      JSON.stringify(snapshot, null, 2),
      `{"version":2,"generation":3,"articles":[\n${rows.map((r) => JSON.stringify(r)).join(',')}\n]}\n`,
    ]) {
      const { layout } = await library()
      await writeFile(layout.index, text)
      expect(await rowsOf(layout)).toEqual({ rows, generation: 3, damage: null })
      expect(await readSnapshotLines(nodeFs, layout.index)).toBeNull()
    }
  })

  it('finds damage wherever it is: a torn row, a lost comma, junk after the end, a bad head', async () => {
    const lines = [row(1), row(2)].map((r) => JSON.stringify(r))
    const head = '{"version":2,"generation":3,"articles":['
    for (const text of [
      `${head}\n${lines[0]},\n${lines[1]!.slice(0, 40)}\n]}\n`,
      `${head}\n${lines[0]}\n${lines[1]}\n]}\n`,
      `${head}\n${lines[0]},\n${lines[1]},\n]}\n`,
      `${head}\n${lines[0]},\n${lines[1]}\n]}\nmore`,
      `${head}\n${lines[0]},\n${lines[1]}\n`,
      `{"version":2,"generation":03,"articles":[\n${lines[0]}\n]}\n`,
    ]) {
      const { layout } = await library()
      await writeFile(layout.index, text)
      const read = await rowsOf(layout)
      expect(read.damage, text.slice(-60)).not.toBeNull()
    }
  })
})
