import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../../shared/result.js'
import { type DeskServer, maxBodyBytes, startDeskServer } from '../../../electron/web/server.js'
import { tempDir } from '../temp-dir.js'

const token = 'test-token-123'
const servers: DeskServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function serve() {
  const rendererDir = join(await tempDir(), 'renderer')
  await mkdir(rendererDir)
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>مداد</title>')
  await writeFile(join(rendererDir, '..', 'secret.txt'), 'not for the web')
  const calls: [string, unknown][] = []
  const server = await startDeskServer({
    rendererDir,
    token,
    port: 0,
    dispatch: async (method, args) => {
      calls.push([method, args])
      return ok({ method })
    },
  })
  servers.push(server)
  return { server, calls }
}

/** A raw HTTP call, so that Host and Origin can be anything. */
function call(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the browser host', () => {
  it('prints its URL on 127.0.0.1 with the token', async () => {
    const { server } = await serve()
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`)
  })

  it('answers a call with a valid token with the Result', async () => {
    const { server, calls } = await serve()
    const response = await call(server.port, '/api/articles.get', {
      headers: { Authorization: `Bearer ${token}`, Origin: `http://127.0.0.1:${server.port}` },
      body: '["abcdefgh1234"]',
    })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { method: 'articles.get' } })
    expect(calls).toEqual([['articles.get', ['abcdefgh1234']]])
  })

  it('treats an empty body as no arguments', async () => {
    const { server, calls } = await serve()
    const response = await call(server.port, '/api/articles.list', {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    expect(calls).toEqual([['articles.list', []]])
  })

  it('checks Host, Origin, token, method and body, in that order', async () => {
    const { server, calls } = await serve()
    const auth = { Authorization: `Bearer ${token}` }
    const port = server.port
    const status = async (path: string, headers: Record<string, string>, body?: string) =>
      (await call(port, path, { headers, body })).status
    expect(await status('/api/articles.list', { Host: `evil.example:${port}`, ...auth })).toBe(403)
    expect(await status('/api/articles.list', { Host: `127.0.0.1:${port + 1}`, ...auth })).toBe(403)
    expect(await status('/api/articles.list', { Origin: 'http://evil.example', ...auth })).toBe(403)
    expect(await status('/api/nope.nope', { Origin: 'http://evil.example' })).toBe(403)
    expect(await status('/api/articles.list', {})).toBe(401)
    expect(await status('/api/articles.list', { Authorization: 'Bearer wrong' })).toBe(401)
    expect(await status('/api/nope.nope', {})).toBe(401)
    expect(await status('/api/nope.nope', auth)).toBe(404)
    expect(await status('/api/toString', auth)).toBe(404)
    expect(await status('/api/articles.list', auth, '{"not":"an array"}')).toBe(400)
    expect(await status('/api/articles.list', auth, '[oops')).toBe(400)
    expect(await status('/api/articles.list', { Host: `localhost:${port}`, ...auth })).toBe(200)
    expect(calls).toHaveLength(1)
  })

  it('refuses a body over 25 MB with 413', async () => {
    const { server, calls } = await serve()
    const response = await call(server.port, '/api/articles.create', {
      headers: { Authorization: `Bearer ${token}` },
      body: Buffer.alloc(maxBodyBytes + 1, 0x20),
    })
    expect(response.status).toBe(413)
    expect(calls).toEqual([])
  })

  it('serves the renderer without a token, with its CSP, and nothing outside it', async () => {
    const { server } = await serve()
    const page = await call(server.port, '/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('مداد')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await call(server.port, path, { method: 'GET' })
      expect(response.body, path).not.toContain('not for the web')
      expect(response.status, path).toBe(404)
    }
  })
})

describe('the browser host, streamed bodies', () => {
  it('refuses a chunked body over 25 MB with 413 too', async () => {
    const { server, calls } = await serve()
    const response = await call(server.port, '/api/articles.create', {
      headers: { Authorization: `Bearer ${token}`, 'Transfer-Encoding': 'chunked' },
      body: Buffer.alloc(maxBodyBytes + 1, 0x20),
    })
    expect(response.status).toBe(413)
    expect(calls).toEqual([])
  })
})

describe('the browser host, library images', () => {
  it('serves an image with the token in the query string, and nothing without it', async () => {
    const rendererDir = await tempDir()
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
    const server = await startDeskServer({
      rendererDir,
      token,
      port: 0,
      dispatch: async () => ok(null),
      readMedia: async (id, file) =>
        id === 'abcdefgh1234' && file === 'صورة.png' ? { bytes: png, type: 'image/png' } : null,
    })
    servers.push(server)
    const path = `/media/abcdefgh1234/${encodeURIComponent('صورة.png')}`
    const withToken = await call(server.port, `${path}?token=${token}`, { method: 'GET' })
    expect(withToken.status).toBe(200)
    expect(withToken.headers['content-type']).toBe('image/png')
    expect((await call(server.port, path, { method: 'GET' })).status).toBe(401)
    expect((await call(server.port, `${path}?token=wrong`, { method: 'GET' })).status).toBe(401)
    expect(
      (await call(server.port, `/media/abcdefgh1234/other.png?token=${token}`, { method: 'GET' }))
        .status,
    ).toBe(404)
  })
})
