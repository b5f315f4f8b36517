import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { DeskFailure, errnoCode } from '../failure.js'
import { type AtomicFs, writeFileAtomic } from './atomic-write.js'

/**
 * A lowdb adapter for one JSON file: a missing file reads as null, a corrupt one is an error
 * that names the file and leaves it untouched, and every write is atomic and fsynced.
 */
export class JsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly fs?: AtomicFs,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return null
      throw new DeskFailure('io', `cannot read ${this.path}: ${(error as Error).message}`)
    }
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw new DeskFailure(
        'io',
        `${this.path} is not valid JSON (${(error as Error).message}); it was left as it is`,
      )
    }
  }

  async write(data: T): Promise<void> {
    return this.writeWith(data, {})
  }

  /** Writes with the folder sync left to the caller, for batches. */
  async writeWith(data: T, options: { syncFolder?: boolean }): Promise<void> {
    try {
      await writeFileAtomic(this.path, JSON.stringify(data, null, 2), this.fs, options)
    } catch (error) {
      throw new DeskFailure(
        'io',
        `cannot write ${this.path}: ${(error as Error).message}; the previous version is intact`,
      )
    }
  }
}
