import { describe, expect, it } from 'vitest'
import { httpTransport, takeToken } from '../../../renderer/api/http-client.js'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('the browser host token', () => {
  it('is taken from the URL, kept for the tab, and removed from the address bar', () => {
    const storage = memoryStorage()
    const replaced: string[] = []
    const history = {
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
        void replaced.push(String(url)),
    }
    const first = takeToken({ href: 'http://127.0.0.1:4000/?token=abc123#x' }, storage, history)
    expect(first).toBe('abc123')
    expect(replaced).toEqual(['/#x'])
    const afterReload = takeToken({ href: 'http://127.0.0.1:4000/' }, storage, history)
    expect(afterReload).toBe('abc123')
  })

  it('is null when neither the URL nor the tab has one', () => {
    const history = { replaceState: () => undefined }
    expect(takeToken({ href: 'http://127.0.0.1:4000/' }, memoryStorage(), history)).toBe(null)
  })
})

describe('the HTTP transport', () => {
  it('posts the arguments as a JSON array with the Bearer token', async () => {
    const seen: [string, RequestInit][] = []
    const transport = httpTransport('tok', async (url, init) => {
      seen.push([String(url), init ?? {}])
      return new Response('{"ok":true,"value":[]}', { status: 200 })
    })
    expect(await transport('articles.get', ['abcdefgh1234'])).toEqual({ ok: true, value: [] })
    expect(seen[0]?.[0]).toBe('/api/articles.get')
    expect(seen[0]?.[1]).toMatchObject({
      method: 'POST',
      body: '["abcdefgh1234"]',
      headers: { Authorization: 'Bearer tok' },
    })
  })

  it('turns refusals and a stopped host into io results', async () => {
    const refused = httpTransport('tok', async () => new Response('no', { status: 401 }))
    expect(await refused('articles.list', [])).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('401') },
    })
    const gone = httpTransport('tok', async () => {
      throw new TypeError('fetch failed')
    })
    expect(await gone('articles.list', [])).toMatchObject({
      ok: false,
      error: { code: 'io', message: expect.stringContaining('still running') },
    })
  })
})
