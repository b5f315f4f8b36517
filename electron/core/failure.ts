import type { Reason } from '../../shared/reasons.js'
import type { DeskError, ErrorCode } from '../../shared/result.js'

/** An expected failure inside the core; `dispatch` turns it into a Result value. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reasons?: string[],
    /** The reasons as data (shared/reasons.ts), for a UI to word. */
    readonly details?: Reason[],
  ) {
    super(message)
    this.name = 'DeskFailure'
  }

  /** A failure with one reason, as data beside its English message. */
  static of(code: ErrorCode, message: string, detail: Reason): DeskFailure {
    return new DeskFailure(code, message, undefined, [detail])
  }

  /** The wire form of this failure. */
  toError(): DeskError {
    const error: DeskError = { code: this.code, message: this.message }
    if (this.reasons) error.reasons = this.reasons
    if (this.details) error.details = this.details
    return error
  }
}

/** The `code` of a Node system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined
}
