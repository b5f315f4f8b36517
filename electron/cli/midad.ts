import { homedir, userInfo } from 'node:os'
import { terminalPrompt } from './prompt.js'
import { runCli } from './run.js'

// The CLI's process edge: the real streams and environment, and the exit code.
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  platform: process.platform,
  homedir: homedir(),
  systemUser: userInfo().username,
  now: () => new Date(),
  prompt: terminalPrompt(),
})
