import { randomBytes } from 'node:crypto'
import { readFile, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Dispatch } from '../dispatch.js'
import { hasToken } from './token.js'
import { doorFileName, readDoorFile, writeDoorFile } from './door-file.js'

/** The largest call the door takes: the CLI sends arguments, never files. */
const maxBodyBytes = 1024 * 1024

/** An open door; closing it removes its file (when the file is still its own). */
export interface DeskDoor {
  url: string
  close(): Promise<void>
}

/**
 * Opens the running desk to the CLI on this machine (design.md: a joined library's replica is
 * opened by one process at a time, so `midad team …` asks the desk that holds it). The same
 * contract through the same dispatch as the hosts' own pages: `POST /api/<method>` with the
 * arguments as a JSON array, answered with the method's Result. Loopback only, behind a fresh
 * token kept in `desk.door` (0600); a caller that sends an Origin is a browser page, never the
 * CLI, and is refused.
 */
export async function openDeskDoor(dataDir: string, dispatch: Dispatch): Promise<DeskDoor> {
  const token = randomBytes(24).toString('base64url')
  let port = 0
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { message: String(error) })
      else response.destroy()
    })
  })
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== `127.0.0.1:${port}`)
      return send(response, 403, { message: 'foreign Host' })
    if (request.headers.origin !== undefined)
      return send(response, 403, { message: 'the desk door is for the CLI' })
    if (!hasToken(request.headers.authorization, token))
      return send(response, 401, { message: 'missing or wrong token' })
    if (request.method !== 'POST') return send(response, 405, { message: 'use POST' })
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    if (!path.startsWith('/api/')) return send(response, 404, { message: 'not found' })
    const body = await readBody(request)
    if (body === null) return send(response, 413, { message: 'body over 1 MB' })
    let args: unknown
    try {
      args = body.length === 0 ? [] : JSON.parse(body)
    } catch {
      return send(response, 400, { message: 'body is not JSON' })
    }
    send(response, 200, await dispatch(path.slice('/api/'.length), args))
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}/`
  try {
    await writeDoorFile(dataDir, { url, token, pid: process.pid })
  } catch (error) {
    server.close()
    throw error
  }
  return {
    url,
    close: async () => {
      const current = await readDoorFile(dataDir, (path) => readFile(path, 'utf8'))
      if (current?.token === token) await rm(join(dataDir, doorFileName), { force: true })
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

function send(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  })
  response.end(body)
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBodyBytes) chunks.push(chunk)
    })
    request.on('end', () =>
      resolve(size > maxBodyBytes ? null : Buffer.concat(chunks).toString('utf8')),
    )
    request.on('error', reject)
  })
}
