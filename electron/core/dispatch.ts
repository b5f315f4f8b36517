import { reason } from '../../shared/reasons.js'
import { contract, isMethodName, type MethodName } from '../../shared/contract.js'
import { type Result, fail, ok } from '../../shared/result.js'
import { describeIssues } from '../../shared/schemas.js'
import type { DeskHandlers } from './desk-context.js'
import { DeskFailure } from './failure.js'

/** Calls a desk method with untrusted arguments from a transport. */
export type Dispatch = (method: string, args: unknown) => Promise<Result<unknown>>

/**
 * The one door into the core from IPC, HTTP and the CLI: checks the method and validates the
 * arguments against the contract, calls the handler, and turns every failure into a value.
 */
export function createDispatch(
  handlers: DeskHandlers,
  report: (method: MethodName, error: unknown) => void = () => undefined,
): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) return fail('not-found', `no desk method named ${String(method)}`)
    const parsed = contract[method].args.safeParse(args)
    if (!parsed.success) {
      const reasons = describeIssues(parsed.error)
      const details = parsed.error.issues.map((issue) =>
        reason('invalid-argument', { issue: issue.code }, issue.path.join('.') || 'arguments'),
      )
      return fail(
        'invalid-input',
        `wrong arguments for ${method}: ${reasons.join('; ')}`,
        reasons,
        details,
      )
    }
    try {
      const handler = handlers[method] as (...args: unknown[]) => Promise<unknown>
      return ok(await handler(...(parsed.data as unknown[])))
    } catch (error) {
      if (error instanceof DeskFailure) return { ok: false, error: error.toError() }
      report(method, error)
      return fail('io', `${method} failed: ${(error as Error).message ?? String(error)}`)
    }
  }
}
