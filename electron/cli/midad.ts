import { homedir, userInfo } from 'node:os'
import { terminalPrompt } from './prompt.js'
import { runCli } from './run.js'

// Output read by a command that stops reading (`midad list | head`): the rest is not printed,
// and the command still finishes what it does (an import is not cut short by its reader).
let readerGone = false
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  readerGone = true
})

// The CLI's process edge: the real streams and environment, and the exit code.
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => {
    if (!readerGone) process.stdout.write(`${text}\n`)
  },
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  platform: process.platform,
  homedir: homedir(),
  systemUser: userInfo().username,
  now: () => new Date(),
  prompt: terminalPrompt(),
})
