import type { SafeStorage } from 'electron'
import type { PasswordSeal } from '../core/team/team-password.js'

/**
 * The OS keychain through Electron's safeStorage, for the team password. On Linux a session
 * with no secret service gives safeStorage's `basic_text` backend, a fixed key that hides
 * nothing: that is no keychain, and the password stays in the 0600 file instead (said in the
 * README), rather than pretending to be sealed.
 */
export function keychainSeal(safeStorage: SafeStorage, platform: NodeJS.Platform): PasswordSeal {
  return {
    available: async () => {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
    },
    seal: (password) => safeStorage.encryptStringAsync(password),
    open: async (sealed) => (await safeStorage.decryptStringAsync(Buffer.from(sealed))).result,
  }
}
