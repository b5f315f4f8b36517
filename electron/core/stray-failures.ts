/** The part of `process` a host listens on for failures nobody awaited. */
export interface FailureEvents {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

/**
 * Keeps a host running when a promise nobody awaits fails: a network library's background
 * request dropped when the team's server went away, say. Node would end the process (and
 * hunspell-asm's emscripten module rethrows every uncaught exception), taking the editor's
 * desk with it; what was saved is safe on disk either way, but the desk should stay open and
 * say what happened in its log.
 */
export function logStrayFailures(events: FailureEvents, log: (line: string) => void): void {
  events.on('unhandledRejection', (reason) => {
    const said = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)
    log(`a background task failed and was left: ${said}`)
  })
}
