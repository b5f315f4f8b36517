import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isMethodName } from '../../shared/contract.js'
import { contentSecurityPolicy } from '../../shared/security.js'
import type { Dispatch } from '../core/dispatch.js'
import { hasToken, isAllowedHost, isAllowedOrigin, queryToken } from './guards.js'
import { readStaticFile } from './static-files.js'

/** The largest request body the contract accepts (design.md). */
export const maxBodyBytes = 25 * 1024 * 1024

/** What the browser host serves: the built renderer, and the desk behind its token. */
export interface DeskServerOptions {
  dispatch: Dispatch
  rendererDir: string
  token: string
  /** 0 takes a free port. */
  port: number
  /** A library image, for `GET /media/<article-id>/<file>?token=`. */
  readMedia?: (
    articleId: string,
    file: string,
  ) => Promise<{ bytes: Uint8Array; type: string } | null>
}

/** A listening browser host. */
export interface DeskServer {
  port: number
  url: string
  close(): Promise<void>
}

/** Starts the browser host on 127.0.0.1 only. */
export async function startDeskServer(options: DeskServerOptions): Promise<DeskServer> {
  let port = options.port
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { message: String(error) })
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const host = request.headers.host ?? ''
    if (!isAllowedHost(host, port)) return send(response, 403, { message: 'foreign Host' })
    if (url.pathname.startsWith('/media/')) return serveMedia(request, response, url)
    if (!url.pathname.startsWith('/api/')) return serveStatic(request, response, url)
    if (!isAllowedOrigin(request.headers.origin, host, port)) {
      return send(response, 403, { message: 'foreign Origin' })
    }
    if (!hasToken(request.headers.authorization, options.token)) {
      return send(response, 401, { message: 'missing or wrong token' })
    }
    const method = url.pathname.slice('/api/'.length)
    if (request.method !== 'POST') return send(response, 405, { message: 'use POST' })
    if (!isMethodName(method)) {
      return send(response, 404, { message: `no desk method named ${method}` })
    }
    const body = await readBody(request)
    if (body === 'too-large') return send(response, 413, { message: 'body over 25 MB' })
    let args: unknown
    try {
      args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'))
    } catch {
      return send(response, 400, { message: 'body is not JSON' })
    }
    if (!Array.isArray(args)) return send(response, 400, { message: 'body is not a JSON array' })
    send(response, 200, await options.dispatch(method, args))
  }

  // An <img> cannot send a header, so the token may come in the query string here.
  async function serveMedia(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    if (
      !hasToken(request.headers.authorization, options.token) &&
      !queryToken(url, options.token)
    ) {
      return send(response, 401, { message: 'missing or wrong token' })
    }
    const [, , articleId = '', file = ''] = url.pathname.split('/')
    let name: string
    try {
      name = decodeURIComponent(file)
    } catch {
      return send(response, 404, { message: 'not found' })
    }
    const image = options.readMedia ? await options.readMedia(articleId, name) : null
    if (!image) return send(response, 404, { message: 'not found' })
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': image.type,
      'Content-Length': image.bytes.length,
      'Cache-Control': 'private, no-cache',
    })
    response.end(request.method === 'HEAD' ? undefined : image.bytes)
  }

  async function serveStatic(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, { message: 'use GET' })
    }
    const file = await readStaticFile(options.rendererDir, url.pathname)
    if (!file) return send(response, 404, { message: 'not found' })
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': file.type,
      'Content-Length': file.body.length,
      'Cache-Control': 'no-cache',
    })
    response.end(request.method === 'HEAD' ? undefined : file.body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  // The token rides in the page's URL: never let it leak as a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
}

function send(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  response.end(body)
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) {
      request.resume()
      return resolve('too-large')
    }
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Past the limit the rest is drained, not kept, so the 413 still reaches the client.
      if (size <= maxBodyBytes) chunks.push(chunk)
    })
    request.on('end', () => resolve(size > maxBodyBytes ? 'too-large' : Buffer.concat(chunks)))
    request.on('error', reject)
  })
}
