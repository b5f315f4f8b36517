import { describe, expect, it } from 'vitest'
import { browserOpener } from '../../../electron/launch/open-browser.js'
import { downloadProbeTarget } from '../../../electron/launch/reachability.js'
import { parseHostOptions } from '../../../electron/web/host-options.js'

describe('opening the desk in a browser', () => {
  const always = () => true
  it('uses the platform opener', () => {
    expect(browserOpener('darwin', {}, always)?.command).toBe('open')
    expect(browserOpener('win32', {}, always)?.args('http://127.0.0.1:1/?token=a&b')).toEqual([
      '/c',
      'start',
      '""',
      'http://127.0.0.1:1/?token=a^&b',
    ])
    expect(browserOpener('linux', { DISPLAY: ':0' }, always)?.command).toBe('xdg-open')
  })

  it('opens nothing without a display or an opener', () => {
    expect(browserOpener('linux', {}, always)).toBeNull()
    expect(browserOpener('linux', { WAYLAND_DISPLAY: 'wayland-0' }, () => false)).toBeNull()
  })
})

describe("probing Electron's download", () => {
  it('checks the proxy, else the mirror, else the default host', () => {
    expect(downloadProbeTarget({})).toEqual({ host: 'github.com', port: 443 })
    expect(downloadProbeTarget({ ELECTRON_MIRROR: 'https://mirror.example:8443/e/' })).toEqual({
      host: 'mirror.example',
      port: 8443,
    })
    expect(
      downloadProbeTarget({ HTTPS_PROXY: 'http://proxy.example:3128', ELECTRON_MIRROR: 'x' }),
    ).toEqual({ host: 'proxy.example', port: 3128 })
  })
})

describe('host options', () => {
  it('take --data and --port', () => {
    expect(parseHostOptions(['--port', '8080', '--data', '/srv/m'], {})).toEqual({
      dataDir: '/srv/m',
      port: 8080,
    })
    expect(parseHostOptions([], { MIDAD_DATA_DIR: '/env/m' })).toEqual({
      dataDir: '/env/m',
      port: 0,
    })
  })

  it('refuse a bad port or an unknown option', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--colour']]) {
      expect(() => parseHostOptions(argv, {}), argv.join(' ')).toThrow(/usage: npm run serve/)
    }
  })
})
