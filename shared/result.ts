import type { Reason } from './reasons.js'

/** Why a desk call failed; the codes are part of the wire format (design.md). */
export type ErrorCode = 'invalid-input' | 'not-found' | 'conflict' | 'locked' | 'refused' | 'io'

/** An expected failure, carried as a value across IPC and HTTP instead of a thrown error. */
export interface DeskError {
  code: ErrorCode
  message: string
  /** Every reason when a move or rule says no, in English. */
  reasons?: string[]
  /** The same as data (shared/reasons.ts): what a UI words in its own language. */
  details?: Reason[]
}

/** What every desk method returns over either transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError }

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** Wraps an error as a failed result. */
export function fail(
  code: ErrorCode,
  message: string,
  reasons?: string[],
  details?: Reason[],
): Result<never> {
  const error: DeskError = { code, message }
  if (reasons) error.reasons = reasons
  if (details) error.details = details
  return { ok: false, error }
}
