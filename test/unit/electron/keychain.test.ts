import { describe, expect, it } from 'vitest'
import type { SafeStorage } from 'electron'
import { keychainSeal } from '../../../electron/main/keychain.js'

/** safeStorage as Electron gives it, with the backend a session has. */
function safeStorage(backend: string, available = true): SafeStorage {
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (text: string) => Buffer.from([...Buffer.from(text)].reverse()),
    decryptStringAsync: async (sealed: Buffer) => ({
      result: Buffer.from([...sealed].reverse()).toString(),
      shouldReEncrypt: false,
    }),
  } as unknown as SafeStorage
}

describe('the desktop app’s keychain for the team password', () => {
  it('is no keychain on a Linux session with only safeStorage’s fixed key', async () => {
    expect(await keychainSeal(safeStorage('basic_text'), 'linux').available()).toBe(false)
    expect(await keychainSeal(safeStorage('gnome_libsecret'), 'linux').available()).toBe(true)
    expect(await keychainSeal(safeStorage('unknown', false), 'darwin').available()).toBe(false)
    expect(await keychainSeal(safeStorage('unknown'), 'win32').available()).toBe(true)
  })

  it('seals and opens through safeStorage', async () => {
    const seal = keychainSeal(safeStorage('kwallet6'), 'linux')
    const sealed = await seal.seal('abc')
    expect(Buffer.from(sealed).toString()).toBe('cba')
    expect(await seal.open(sealed)).toBe('abc')
  })
})
