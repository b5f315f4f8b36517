import { useCallback, useState } from 'react'
import type { Result } from '../../shared/result.js'
import type { Dictionary } from '../i18n/ar.js'
import { describeError } from './describe-error.js'

/**
 * The desk's error list: what went wrong, in the order it did, until the editor dismisses it;
 * and `valueOf`, which gives a call's value or shows its error in the UI's language.
 */
export function useDeskErrors(words: Dictionary) {
  const [errors, setErrors] = useState<string[]>([])
  const report = useCallback((message: string) => setErrors((all) => [...all, message]), [])
  const valueOf = useCallback(
    <T>(result: Result<T>): T | null => {
      if (result.ok) return result.value
      report(describeError(words, result.error))
      return null
    },
    [report, words],
  )
  const dismiss = useCallback(
    (index: number) => setErrors((all) => all.filter((_, i) => i !== index)),
    [],
  )
  return { errors, report, valueOf, dismiss }
}

/** `valueOf` of useDeskErrors, as hooks and components are given it. */
export type ValueOf = <T>(result: Result<T>) => T | null
