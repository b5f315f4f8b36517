import { buildDeskApi, type DeskApi } from '../../shared/contract.js'
import type { Result } from '../../shared/result.js'
import type { Desk } from '../core/desk.js'
import { createDispatch } from '../core/dispatch.js'
import { DeskFailure } from '../core/failure.js'

/**
 * The desk as a writing command sees it: the same contract, through the same dispatch (argument
 * checks included) as the desktop app and the browser host, never around it.
 */
export function cliDeskApi(desk: Desk): DeskApi {
  const dispatch = createDispatch(desk.handlers)
  return buildDeskApi((method, args) => dispatch(method, args))
}

/** A call's value, or its failure thrown as the CLI reports it (message, then each reason). */
export function valueOf<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new DeskFailure(result.error.code, result.error.message, result.error.reasons)
}
