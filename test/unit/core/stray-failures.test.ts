import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { logStrayFailures } from '../../../electron/core/stray-failures.js'

describe('a failure nobody awaited, in a host', () => {
  it('is logged, with its stack, and the host goes on', () => {
    const events = new EventEmitter()
    const lines: string[] = []
    logStrayFailures(events, (line) => lines.push(line))
    events.emit('unhandledRejection', new Error('socket hang up'))
    events.emit('unhandledRejection', 'plain')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/background task failed.*socket hang up/s)
    expect(lines[0]).toMatch(/at /)
    expect(lines[1]).toMatch(/plain/)
  })
})
