import type { LibraryNotice } from '../../../shared/notices.js'
import { type Settings, withDefaults } from '../../../shared/settings.js'
import { storedSettingsSchema } from '../../../shared/stored-schemas.js'
import { writeFileAtomic } from './atomic-write.js'
import type { LibraryLayout } from './layout.js'
import { writeFailure } from './library-storage.js'
import type { StorageFs } from './storage-fs.js'
import { readStored } from './stored-file.js'

/**
 * Reads `settings.json`; when it is damaged, quarantines it (a writing open) and comes back
 * from `settings.copy.json`, else from the defaults. Says whether the file must be written.
 */
export async function openSettingsFiles(
  fs: StorageFs,
  layout: LibraryLayout,
  options: { repair: boolean; quarantine: (path: string) => Promise<string | null> },
): Promise<{ settings: Settings; notice: LibraryNotice | null; write: boolean }> {
  const main = await readStored(fs, layout.settings, storedSettingsSchema)
  if (main.status === 'ok')
    return { settings: withDefaults(main.value), notice: null, write: false }
  const copy = await readStored(fs, layout.settingsCopy, storedSettingsSchema)
  let notice: LibraryNotice | null = null
  if (main.status === 'damaged') {
    const quarantined = options.repair ? await options.quarantine(layout.settings) : null
    if (copy.status === 'damaged' && options.repair) await options.quarantine(layout.settingsCopy)
    notice = {
      kind: 'settings-restored',
      from: copy.status === 'ok' ? 'copy' : 'defaults',
      quarantined,
      reason: main.reason,
    }
  }
  return { settings: withDefaults(copy.status === 'ok' ? copy.value : null), notice, write: true }
}

/**
 * Writes the settings, then the copy kept at each change. The settings are in force once the
 * first has landed; a copy that fails is only said (the next change writes it again).
 */
export async function writeSettingsFiles(
  fs: StorageFs,
  layout: LibraryLayout,
  next: Settings,
  warn: (message: string) => void,
): Promise<void> {
  const text = JSON.stringify(next, null, 2)
  try {
    await writeFileAtomic(layout.settings, text, fs, { tempDir: layout.temp })
  } catch (error) {
    throw writeFailure('settings.json', error)
  }
  await writeFileAtomic(layout.settingsCopy, text, fs, { tempDir: layout.temp }).catch(
    (error: unknown) =>
      warn(`settings.copy.json could not be written: ${(error as Error).message}`),
  )
}
