import { runCli } from '../../../electron/cli/run.js'
import type { CliIo } from '../../../electron/cli/io.js'

/** `midad ARGS --data DIR` run in-process: its exit code, stdout, stderr and stdout as JSON. */
export async function runMidad(args: string[], dir: string, env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env,
    platform: 'linux',
    homedir: '/nonexistent-home',
    systemUser: 'editor',
    now: () => new Date(),
  }
  const code = await runCli([...args, '--data', dir], io)
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) }
}
