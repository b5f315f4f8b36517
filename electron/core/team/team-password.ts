import { writeFile } from 'node:fs/promises'
import { DeskFailure, errnoCode } from '../failure.js'
import type { LibraryLayout } from '../storage/layout.js'
import type { StorageFs } from '../storage/storage-fs.js'

// Where a joined desk keeps its team password, never in `team/link.json`. The desktop app
// seals it with the OS keychain (Electron's safeStorage: Keychain, DPAPI, libsecret or
// KWallet) into `team/password.sealed`; where there is no keychain (the browser host, the
// CLI, a Linux session without a secret service) it is `team/password`, readable only by the
// user (0600). A plain password found by a desk that can seal is sealed, and the plain file
// removed.

/** The OS keychain as the desktop app offers it (safeStorage); absent in the other hosts. */
export interface PasswordSeal {
  /** Whether a real keychain is there (not safeStorage's plain-text fallback). */
  available(): Promise<boolean>
  seal(password: string): Promise<Uint8Array>
  open(sealed: Uint8Array): Promise<string>
}

/** What a desk knows of its team password besides its files. */
export interface PasswordKeeping {
  seal?: PasswordSeal
  /** Given from outside (the CLI's MIDAD_TEAM_PASSWORD): used when the kept one is sealed. */
  given?: string
}

/** Keeps `password` for the team: sealed when a keychain is there, else in the 0600 file. */
export async function keepTeamPassword(
  fs: StorageFs,
  layout: LibraryLayout,
  password: string,
  keeping: PasswordKeeping,
): Promise<void> {
  await fs.mkdir(layout.team, { recursive: true })
  if (keeping.seal && (await keeping.seal.available())) {
    await writeNew(fs, layout.teamSealedPassword, await keeping.seal.seal(password))
    await fs.rm(layout.teamPassword, { force: true })
  } else {
    await writeNew(fs, layout.teamPassword, password)
    await fs.rm(layout.teamSealedPassword, { force: true })
  }
}

/** The kept team password, or null when none is kept (joined anonymously). */
export async function readTeamPassword(
  fs: StorageFs,
  layout: LibraryLayout,
  keeping: PasswordKeeping,
  warn: (message: string) => void,
): Promise<string | null> {
  const sealed = await readOrNull(() => fs.readFile(layout.teamSealedPassword))
  if (sealed) {
    if (keeping.seal && (await keeping.seal.available())) return keeping.seal.open(sealed)
    if (keeping.given !== undefined) return keeping.given
    throw new DeskFailure(
      'refused',
      "the team password is sealed in the desktop app's keychain: run this while the desktop app is open (it is asked), or set MIDAD_TEAM_PASSWORD",
    )
  }
  const plain = await readOrNull(() => fs.readFile(layout.teamPassword, 'utf8'))
  if (plain === null) return null
  if (keeping.seal && (await keeping.seal.available())) {
    // Joined from the CLI or the browser host: into the keychain now.
    await keepTeamPassword(fs, layout, plain, keeping).catch((error: unknown) =>
      warn(`the team password stays in team/password: ${(error as Error).message}`),
    )
  }
  return plain
}

// Created anew with its mode: never a moment readable by others, whatever was there.
async function writeNew(fs: StorageFs, path: string, data: string | Uint8Array): Promise<void> {
  await fs.rm(path, { force: true })
  await writeFile(path, data, { mode: 0o600, flag: 'wx' })
}

async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
}
