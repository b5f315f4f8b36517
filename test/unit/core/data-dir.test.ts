import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../../electron/core/data-dir.js'

describe('the data dir', () => {
  const home = '/home/sara'
  it('prefers --data, then MIDAD_DATA_DIR', () => {
    const env = { MIDAD_DATA_DIR: '/srv/midad' }
    expect(resolveDataDir('/tmp/x', { platform: 'linux', env, homedir: home })).toBe('/tmp/x')
    expect(resolveDataDir(undefined, { platform: 'linux', env, homedir: home })).toBe('/srv/midad')
  })

  it('defaults to the platform folder Electron uses for an app named Midad', () => {
    expect(resolveDataDir(undefined, { platform: 'linux', env: {}, homedir: home })).toBe(
      '/home/sara/.config/Midad',
    )
    expect(
      resolveDataDir(undefined, {
        platform: 'linux',
        env: { XDG_CONFIG_HOME: '/cfg' },
        homedir: home,
      }),
    ).toBe('/cfg/Midad')
    expect(resolveDataDir(undefined, { platform: 'darwin', env: {}, homedir: home })).toBe(
      '/home/sara/Library/Application Support/Midad',
    )
    expect(
      resolveDataDir(undefined, {
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\sara\\AppData\\Roaming' },
        homedir: home,
      }),
    ).toMatch(/Roaming.Midad$/)
  })
})
