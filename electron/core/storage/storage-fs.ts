import {
  closeSync,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from 'node:fs'
import * as fsp from 'node:fs/promises'

/**
 * Every file operation the library's storage makes, passed in so that the fault suites can make
 * any one of them fail (ENOSPC, EACCES, EIO) and the crash suite can count on nothing else.
 * `statSync` is here because reconciling 100,000 stamps is four times faster synchronously, and
 * `readFileSync` because a page of search hits reads its twenty files in half the time so; the
 * search index reads its postings with `readSync`, so that a query never interleaves with a merge.
 */
export interface StorageFs {
  open: typeof fsp.open
  rename: typeof fsp.rename
  unlink: typeof fsp.unlink
  mkdir: typeof fsp.mkdir
  readdir: typeof fsp.readdir
  readFile: typeof fsp.readFile
  rm: typeof fsp.rm
  stat: typeof fsp.stat
  copyFile: typeof fsp.copyFile
  writeFile: typeof fsp.writeFile
  link: typeof fsp.link
  utimes: typeof fsp.utimes
  cp: typeof fsp.cp
  statSync: typeof statSync
  lstatSync: typeof lstatSync
  readFileSync: typeof readFileSync
  openSync: typeof openSync
  readSync: typeof readSync
  fstatSync: typeof fstatSync
  closeSync: typeof closeSync
}

/** The machine's own file system. */
export const nodeFs: StorageFs = {
  open: fsp.open,
  rename: fsp.rename,
  unlink: fsp.unlink,
  mkdir: fsp.mkdir,
  readdir: fsp.readdir,
  readFile: fsp.readFile,
  rm: fsp.rm,
  stat: fsp.stat,
  copyFile: fsp.copyFile,
  writeFile: fsp.writeFile,
  link: fsp.link,
  utimes: fsp.utimes,
  cp: fsp.cp,
  statSync,
  lstatSync,
  readFileSync,
  openSync,
  readSync,
  fstatSync,
  closeSync,
}

/** Error codes that mean the disk cannot take a write now, rather than a fault in the desk. */
export const unwritableCodes = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EIO'])
