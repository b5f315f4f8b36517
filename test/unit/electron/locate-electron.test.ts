import { describe, expect, it } from 'vitest'
import { locateElectron } from '../../../electron/launch/locate-electron.js'

const files = (present: Record<string, string>) => ({
  exists: (path: string) => path in present,
  read: (path: string) => present[path] ?? '',
})

describe('finding the Electron runtime', () => {
  it('uses the downloaded dist named by path.txt', () => {
    const fs = files({ '/e/path.txt': 'electron', '/e/dist/electron': '' })
    expect(locateElectron('/e', {}, 'linux', fs.exists, fs.read)).toEqual({
      path: '/e/dist/electron',
    })
  })

  it('prefers ELECTRON_OVERRIDE_DIST_PATH', () => {
    const fs = files({ '/opt/electron/electron': '' })
    expect(
      locateElectron(
        '/e',
        { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
        'linux',
        fs.exists,
        fs.read,
      ),
    ).toEqual({ path: '/opt/electron/electron' })
  })

  it('says why when the runtime was never downloaded, without downloading it', () => {
    const fs = files({})
    const found = locateElectron('/e', {}, 'linux', fs.exists, fs.read)
    expect(found).toEqual({ path: null, reason: expect.stringContaining('never downloaded') })
  })

  it('says why when path.txt names a binary that is gone', () => {
    const fs = files({ '/e/path.txt': 'electron' })
    expect(locateElectron('/e', {}, 'linux', fs.exists, fs.read)).toEqual({
      path: null,
      reason: expect.stringContaining('/e/dist/electron'),
    })
  })
})
