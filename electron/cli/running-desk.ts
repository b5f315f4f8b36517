import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { buildDeskApi, type DeskApi } from '../../shared/contract.js'
import type { Result } from '../../shared/result.js'
import { readDoorFile, type DeskDoorFile } from '../core/door/door-file.js'

/**
 * The desk that runs on a data dir, asked through its door (core/door), or null when none
 * does: no door file, or one left by a desk that no longer answers (the CLI then opens the
 * library itself, taking over the stale lock).
 */
export async function runningDesk(dataDir: string): Promise<DeskApi | null> {
  const door = await readDoorFile(dataDir, (path) => readFile(path, 'utf8'))
  if (!door) return null
  const api = buildDeskApi((method, args) => call(door, method, args))
  try {
    await call(door, 'team.status', [])
  } catch {
    return null
  }
  return api
}

/** One contract call through the door; a refusal of the door itself is thrown. */
function call(door: DeskDoorFile, method: string, args: unknown[]): Promise<Result<never>> {
  const body = JSON.stringify(args)
  return new Promise((resolve, reject) => {
    const sent = request(
      `${door.url}api/${method}`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${door.token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          if (response.statusCode !== 200)
            return reject(
              new Error(`the running desk refused the call (${response.statusCode}): ${text}`),
            )
          try {
            resolve(JSON.parse(text) as Result<never>)
          } catch {
            reject(new Error('the running desk answered with no JSON'))
          }
        })
        response.on('error', reject)
      },
    )
    sent.on('error', reject)
    sent.end(body)
  })
}
