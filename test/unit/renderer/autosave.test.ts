import { describe, expect, it } from 'vitest'
import type { Article } from '../../../shared/article.js'
import { type Result, fail, ok } from '../../../shared/result.js'
import { Autosaver, type SaveStatus, type Timers } from '../../../renderer/app/autosave.js'

/** Timers that run only when the test says so. */
function manualTimers() {
  const due: { run: () => void; ms: number; id: number }[] = []
  let next = 0
  const timers: Timers = {
    set: (run, ms) => {
      due.push({ run, ms, id: ++next })
      return next
    },
    clear: (id) => {
      const index = due.findIndex((t) => t.id === id)
      if (index >= 0) due.splice(index, 1)
    },
  }
  return { timers, due, fire: () => due.splice(0).forEach((t) => t.run()) }
}

const base = { id: 'abcdefgh1234', revision: 1, updatedAt: '2026-06-17T04:15:00.000Z' } as Article
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function saver(answers: Result<Article>[]) {
  const saves: {
    baseRevision: number
    changes: Partial<Article>
    session?: string
    seq?: number
  }[] = []
  const statuses: SaveStatus[] = []
  const clock = manualTimers()
  let tick = 100
  const autosaver = new Autosaver({
    article: base,
    session: 'tab-one',
    now: () => tick++,
    timers: clock.timers,
    onSaved: () => undefined,
    onStatus: (status) => statuses.push(status),
    save: async (input) => {
      saves.push(input)
      return answers.shift() ?? fail('io', 'no answer left')
    },
  })
  return { autosaver, saves, statuses, clock }
}

const savedAt = (revision: number) =>
  ok({ ...base, revision, updatedAt: `2026-06-17T04:15:0${revision}.000Z` })

describe('the autosaver', () => {
  it('saves a second after typing stops, one save for a burst of changes', async () => {
    const { autosaver, saves, statuses, clock } = saver([savedAt(2)])
    autosaver.change({ headline: 'ع' })
    autosaver.change({ headline: 'عن' })
    expect(clock.due.map((t) => t.ms)).toEqual([1000])
    expect(statuses.at(-1)).toEqual({ kind: 'unsaved' })
    clock.fire()
    await settle()
    expect(saves).toEqual([
      { id: base.id, baseRevision: 1, changes: { headline: 'عن' }, session: 'tab-one', seq: 100 },
    ])
    expect(statuses.at(-1)).toEqual({ kind: 'saved', at: '2026-06-17T04:15:02.000Z' })
    expect(autosaver.dirty).toBe(false)
  })

  it('says "unsaved" once for a burst of keys, and again after each save', async () => {
    const { autosaver, statuses, clock } = saver([savedAt(2), savedAt(3)])
    const body = () => ({ ops: [{ insert: 'نص\n' }] })
    for (let key = 0; key < 50; key++) autosaver.changeBody(body)
    expect(statuses).toEqual([{ kind: 'unsaved' }])
    clock.fire()
    await settle()
    autosaver.changeBody(body)
    autosaver.changeBody(body)
    expect(statuses.map((status) => status.kind)).toEqual(['unsaved', 'saving', 'saved', 'unsaved'])
  })

  it('keeps failed changes, retries them, and builds on the saved revision', async () => {
    const { autosaver, saves, statuses, clock } = saver([
      fail('io', 'disk full'),
      savedAt(2),
      savedAt(3),
    ])
    autosaver.change({ headline: 'نص' })
    expect(await autosaver.flush()).toBe(false)
    expect(statuses.at(-1)).toMatchObject({ kind: 'failed', retrying: true })
    expect(autosaver.dirty).toBe(true)
    expect(clock.due.map((t) => t.ms)).toEqual([5000])
    autosaver.change({ kicker: 'عاجل' })
    expect(await autosaver.flush()).toBe(true)
    expect(saves[1]).toMatchObject({
      id: base.id,
      baseRevision: 1,
      changes: { headline: 'نص', kicker: 'عاجل' },
    })
    autosaver.change({ kicker: 'خبر' })
    await autosaver.flush()
    expect(saves[2]?.baseRevision).toBe(2)
  })

  it('does not retry a conflict: the editor must decide, and the text stays pending', async () => {
    const { autosaver, statuses, clock } = saver([fail('conflict', 'stale')])
    autosaver.change({ headline: 'نص' })
    expect(await autosaver.flush()).toBe(false)
    expect(statuses.at(-1)).toMatchObject({ kind: 'failed', retrying: false })
    expect(clock.due).toEqual([])
    expect(autosaver.dirty).toBe(true)
  })

  it('never runs two saves at once; changes made during a save are saved next', async () => {
    let release: (value: Result<Article>) => void = () => undefined
    const saves: number[] = []
    const autosaver = new Autosaver({
      article: base,
      session: 'tab-two',
      timers: manualTimers().timers,
      onSaved: () => undefined,
      onStatus: () => undefined,
      save: (input) => {
        saves.push(input.baseRevision)
        return new Promise((resolve) => (release = resolve))
      },
    })
    autosaver.change({ headline: 'أ' })
    const first = autosaver.flush()
    autosaver.change({ headline: 'أب' })
    const second = autosaver.flush()
    await settle()
    expect(saves).toEqual([1])
    release(savedAt(2))
    await settle()
    expect(saves).toEqual([1, 2])
    release(savedAt(3))
    expect(await first).toBe(true)
    expect(await second).toBe(true)
  })

  it('names its session in every save and copy, with a reading time that only rises', async () => {
    const { autosaver, saves } = saver([savedAt(2), savedAt(3)])
    autosaver.change({ headline: 'أ' })
    const copy = autosaver.unsaved()
    expect(copy).toMatchObject({ session: 'tab-one', baseRevision: 1 })
    await autosaver.flush()
    autosaver.change({ headline: 'أب' })
    await autosaver.flush()
    expect(saves.map((save) => save.session)).toEqual(['tab-one', 'tab-one'])
    // The save read its text after the copy did, so it supersedes that copy.
    expect(saves[0]!.seq).toBeGreaterThan(copy!.seq)
    expect(saves[1]!.seq).toBeGreaterThan(saves[0]!.seq!)
  })
})
