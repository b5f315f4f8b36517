// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import {
  type BeforeCloseDetail,
  beforeCloseEvent,
  beforeCloseScript,
} from '../../../shared/before-close.js'

// The script as the desktop app runs it in the page (executeJavaScript evaluates an expression).
const run = () => new Function(`return ${beforeCloseScript}`)() as Promise<boolean>

describe('saving before the desktop window closes', () => {
  it('waits for the work each listener hands over, and no window property is needed', async () => {
    const done: string[] = []
    const listener = (event: Event) => {
      const { waitUntil } = (event as CustomEvent<BeforeCloseDetail>).detail
      waitUntil(new Promise((resolve) => setTimeout(resolve, 20)).then(() => done.push('saved')))
    }
    window.addEventListener(beforeCloseEvent, listener)
    try {
      expect(await run()).toBe(true)
      expect(done).toEqual(['saved'])
    } finally {
      window.removeEventListener(beforeCloseEvent, listener)
    }
  })

  it('answers at once with no article open, and a failing save does not keep it waiting', async () => {
    expect(await run()).toBe(true)
    const listener = (event: Event) =>
      (event as CustomEvent<BeforeCloseDetail>).detail.waitUntil(Promise.reject(new Error('disk')))
    window.addEventListener(beforeCloseEvent, listener)
    try {
      expect(await run()).toBe(true)
    } finally {
      window.removeEventListener(beforeCloseEvent, listener)
    }
  })
})
