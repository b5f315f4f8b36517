import type { DeskError, ErrorCode } from '../../shared/result.js'

/** An expected failure inside the core; `dispatch` turns it into a Result value. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reasons?: string[],
  ) {
    super(message)
    this.name = 'DeskFailure'
  }

  /** The wire form of this failure. */
  toError(): DeskError {
    return this.reasons
      ? { code: this.code, message: this.message, reasons: this.reasons }
      : { code: this.code, message: this.message }
  }
}

/** The `code` of a Node system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined
}
