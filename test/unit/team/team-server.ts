import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../../electron/launch/team-server.mjs', import.meta.url))

/** `npm run team-server`'s script, started on a free port: its URL, and how to stop it. */
export async function startTeamServer(
  data?: string,
  port?: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const args = [...(data ? ['--data', data] : []), ...(port ? ['--port', String(port)] : [])]
  const child: ChildProcess = spawn(process.execPath, [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const found = /^Midad team server: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out)
      if (found?.[1]) resolve(found[1])
    })
    child.on('exit', (code) => reject(new Error(`the team server ended (${code}): ${errors}`)))
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.on('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
