import { describe, expect, it } from 'vitest'
import { type Article, articleStates } from '../../../shared/article.js'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { defaultSettings } from '../../../shared/settings.js'
import { isAllowedMove, moveRefusals, queueCards, transitions } from '../../../shared/workflow.js'

const now = new Date('2026-12-01T06:00:00Z')
const ready = (state: Article['state']): Article =>
  ({
    id: 'abcdefgh1234',
    state,
    headline: 'عنوان جاهز',
    section: 'العراق',
    text: ['فقرة'],
    body: paragraphsToDelta(['فقرة']),
    kicker: '',
    summary: '',
    byline: '',
    source: '',
    place: '',
    publishedAt: null,
    tags: [],
    scheduledAt: null,
    publishError: null,
  }) as unknown as Article

const allowed: [string, string][] = [
  ['draft', 'in_review'],
  ['in_review', 'ready'],
  ['in_review', 'draft'],
  ['ready', 'scheduled'],
  ['ready', 'exported'],
  ['ready', 'draft'],
  ['scheduled', 'exported'],
  ['scheduled', 'draft'],
  ['exported', 'corrected'],
  ['exported', 'withdrawn'],
  ['corrected', 'exported'],
  ['withdrawn', 'draft'],
]

describe('the state machine', () => {
  it('allows exactly the design’s moves and refuses every other', () => {
    let count = 0
    for (const from of articleStates) {
      for (const to of articleStates) {
        const expected = allowed.some(([a, b]) => a === from && b === to)
        expect(isAllowedMove(from, to), `${from} → ${to}`).toBe(expected)
        const reasons = moveRefusals(
          ready(from),
          { to, note: 'ملاحظة', at: '2026-12-02T09:00:00Z' },
          defaultSettings,
          now,
        )
        expect(reasons.length === 0, `${from} → ${to}: ${reasons.join('; ')}`).toBe(expected)
        count++
      }
    }
    expect(count).toBe(49)
    expect(Object.values(transitions).flat()).toHaveLength(allowed.length)
  })

  it('needs a note to return a story, and a future time to schedule it', () => {
    expect(moveRefusals(ready('in_review'), { to: 'draft' }, defaultSettings, now)).toEqual([
      expect.stringContaining('needs a note'),
    ])
    expect(moveRefusals(ready('ready'), { to: 'scheduled' }, defaultSettings, now)).toEqual([
      expect.stringContaining('needs a time'),
    ])
    expect(
      moveRefusals(
        ready('ready'),
        { to: 'scheduled', at: '2026-11-30T09:00:00Z' },
        defaultSettings,
        now,
      ),
    ).toEqual([expect.stringContaining('already passed')])
  })

  it('refuses readiness with every reason from the content profile', () => {
    const bad = { ...ready('in_review'), headline: '', section: '', text: [] }
    const reasons = moveRefusals(bad, { to: 'ready' }, defaultSettings, now)
    expect(reasons).toEqual([
      'headline is required',
      'section is required',
      'the article has no text',
    ])
  })

  it('orders the board by column, then priority, and marks missed schedules', () => {
    const cards = queueCards(
      [
        {
          id: 'a',
          headline: 'أ',
          section: '',
          state: 'ready',
          priority: 3,
          byline: '',
          updatedAt: '2026-12-01T01:00:00Z',
        },
        {
          id: 'b',
          headline: 'ب',
          section: '',
          state: 'draft',
          priority: 5,
          byline: '',
          updatedAt: '2026-12-01T02:00:00Z',
        },
        {
          id: 'c',
          headline: 'ج',
          section: '',
          state: 'ready',
          priority: 1,
          byline: '',
          updatedAt: '2026-12-01T03:00:00Z',
        },
        {
          id: 'd',
          headline: 'د',
          section: '',
          state: 'scheduled',
          priority: 3,
          scheduledAt: '2026-12-01T05:00:00Z',
          byline: '',
          updatedAt: '2026-12-01T00:00:00Z',
        },
        {
          id: 'e',
          headline: 'ه',
          section: '',
          state: 'scheduled',
          priority: 3,
          scheduledAt: '2026-12-01T07:00:00Z',
          byline: '',
          updatedAt: '2026-12-01T00:00:00Z',
        },
      ],
      now,
    )
    expect(cards.map((c) => c.id)).toEqual(['b', 'c', 'a', 'd', 'e'])
    expect(cards.map((c) => c.missedSchedule)).toEqual([false, false, false, true, false])
  })
})
