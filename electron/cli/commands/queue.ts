import { queueCards } from '../../../shared/workflow.js'
import type { openLibraryReader } from '../../core/library-reader.js'
import type { CliIo } from '../io.js'

/** `midad queue [--json]`: the board in order, missed schedules marked. Reads without the lock. */
export async function queueCommand(
  library: ReturnType<typeof openLibraryReader>,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const cards = queueCards(await library.list(), io.now())
  if (json) {
    const shape = cards.map(
      ({ id, headline, section, state, priority, scheduledAt, missedSchedule }) => ({
        id,
        headline,
        section,
        state,
        priority,
        scheduledAt,
        missedSchedule,
      }),
    )
    io.out(JSON.stringify(shape, null, 2))
    return 0
  }
  for (const card of cards) {
    const flag = card.missedSchedule ? 'MISSED SCHEDULE' : ''
    io.out(
      [card.id, card.state, `p${card.priority}`, card.scheduledAt ?? '', flag, card.headline].join(
        '\t',
      ),
    )
  }
  return 0
}
