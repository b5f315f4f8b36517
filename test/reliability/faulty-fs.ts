import type { FileHandle } from 'node:fs/promises'
import { nodeFs, type StorageFs } from '../../electron/core/storage/storage-fs.js'

/** A file-system error as Node makes them. */
export function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault`), { code })
}

/**
 * The real file system, except that while armed it counts every step that changes the disk
 * (open for writing, write, fsync, rename, unlink, mkdir, …) and fails step `failAt` with
 * `code`. Counting alone (failAt = -1) lists the steps an operation takes.
 */
export class FaultyFs {
  armed = false
  failAt = -1
  code = 'ENOSPC'
  steps: string[] = []
  /** A full disk: every step fails while this is set, armed or not. */
  full = false

  private step(name: string): void {
    if (this.full) throw fsError('ENOSPC')
    if (!this.armed) return
    const at = this.steps.length
    this.steps.push(name)
    if (at === this.failAt) throw fsError(this.code)
  }

  arm(failAt: number, code: string): void {
    this.armed = true
    this.failAt = failAt
    this.code = code
    this.steps = []
  }

  disarm(): void {
    this.armed = false
  }

  readonly fs: StorageFs = {
    ...nodeFs,
    open: (async (path: string, flags?: string, mode?: number) => {
      const writing = flags !== undefined && flags !== 'r'
      if (writing) this.step(`open ${flags}`)
      const handle = await nodeFs.open(path, flags, mode)
      return this.wrap(handle)
    }) as StorageFs['open'],
    rename: async (from, to) => {
      this.step('rename')
      return nodeFs.rename(from, to)
    },
    unlink: async (path) => {
      this.step('unlink')
      return nodeFs.unlink(path)
    },
    mkdir: (async (path: string, options?: object) => {
      this.step('mkdir')
      return nodeFs.mkdir(path, options)
    }) as StorageFs['mkdir'],
    rm: async (path, options) => {
      this.step('rm')
      return nodeFs.rm(path, options)
    },
    copyFile: async (from, to, mode) => {
      this.step('copyFile')
      return nodeFs.copyFile(from, to, mode)
    },
    writeFile: (async (...args: Parameters<StorageFs['writeFile']>) => {
      this.step('writeFile')
      return nodeFs.writeFile(...args)
    }) as StorageFs['writeFile'],
    utimes: async (path, atime, mtime) => {
      this.step('utimes')
      return nodeFs.utimes(path, atime, mtime)
    },
    // A backup copies whole folders: one step each, as the library sees it.
    cp: async (from, to, options) => {
      this.step('cp')
      return nodeFs.cp(from, to, options)
    },
    link: async (from, to) => {
      this.step('link')
      return nodeFs.link(from, to)
    },
  }

  private wrap(handle: FileHandle): FileHandle {
    const writeFile = handle.writeFile.bind(handle)
    const write = handle.write.bind(handle) as (...args: unknown[]) => Promise<unknown>
    const sync = handle.sync.bind(handle)
    handle.writeFile = (async (...args: Parameters<FileHandle['writeFile']>) => {
      this.step('write file')
      return writeFile(...args)
    }) as FileHandle['writeFile']
    handle.write = (async (...args: unknown[]) => {
      this.step('write')
      return write(...args)
    }) as FileHandle['write']
    handle.sync = async () => {
      this.step('fsync')
      return sync()
    }
    return handle
  }
}
