/** Where a CLI command writes, and what it knows of its environment; passed in for tests. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  homedir: string
  /** Who imports, for the articles' history when Settings names no editor. */
  systemUser?: string
  now: () => Date
  /** Asks at the terminal without echo (a password); absent where there is none. */
  prompt?: (question: string) => Promise<string>
}

/** A command-line mistake: exit 2 with the message and the usage. */
export class UsageError extends Error {}

/** Exit codes of design.md's CLI conventions. */
export const exitCode = { ok: 0, failure: 1, usage: 2 } as const
