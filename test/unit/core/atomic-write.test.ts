import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type AtomicFs, writeFileAtomic } from '../../../electron/core/storage/atomic-write.js'
import { tempDir } from '../temp-dir.js'

/** Real file operations, except that one step fails the way a full disk would. */
function failingFs(step: 'writeFile' | 'sync' | 'rename'): AtomicFs {
  const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
  return {
    unlink: fsp.unlink,
    rename: step === 'rename' ? async () => Promise.reject(full) : fsp.rename,
    open: (async (path: string, flags: string) => {
      const handle = await fsp.open(path, flags)
      if (step === 'writeFile') handle.writeFile = () => Promise.reject(full)
      if (step === 'sync') handle.sync = () => Promise.reject(full)
      return handle
    }) as AtomicFs['open'],
  }
}

describe('atomic writes', () => {
  it('replaces the file whole', async () => {
    const dir = await tempDir()
    const path = join(dir, 'article.json')
    await writeFileAtomic(path, 'الأول')
    await writeFileAtomic(path, 'الثاني')
    expect(await fsp.readFile(path, 'utf8')).toBe('الثاني')
    expect(await fsp.readdir(dir)).toEqual(['article.json'])
  })

  for (const step of ['writeFile', 'sync', 'rename'] as const) {
    it(`leaves the old file intact and no temp file when ${step} fails`, async () => {
      const dir = await tempDir()
      const path = join(dir, 'article.json')
      await writeFileAtomic(path, 'نص محفوظ')
      await expect(writeFileAtomic(path, 'نص جديد', failingFs(step))).rejects.toThrow(/ENOSPC/)
      expect(await fsp.readFile(path, 'utf8')).toBe('نص محفوظ')
      expect(await fsp.readdir(dir)).toEqual(['article.json'])
    })
  }
})
