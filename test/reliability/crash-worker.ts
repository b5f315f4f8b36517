/**
 * The crash suite's child: opens a desk on the data dir it is given and creates, saves and moves
 * articles in a loop until it is killed. After each answer that says ok it prints one line,
 * `ack <id> <revision> <digest>`, synchronously, so the parent knows what was confirmed.
 */
import { writeSync } from 'node:fs'
import { paragraphsToDelta } from '../../shared/delta.js'
import { openDesk } from '../../electron/core/desk.js'
import { articleDigest } from './article-digest.js'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: crash-worker DATA_DIR')
const desk = await openDesk({ dataDir, purpose: 'the crash suite', systemUser: 'crash' })
const { handlers } = desk
const say = (line: string) => writeSync(1, `${line}\n`)
say('ready')
const words = ['الموازنة', 'بغداد', 'البرلمان', 'الكهرباء', 'الانتخابات', 'النفط', 'الأمطار']
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const sentence = () => Array.from({ length: 12 }, () => pick(words)).join(' ')

for (let n = 0; ; n++) {
  const rows = await handlers['articles.list']()
  const roll = Math.random()
  let article
  if (rows.length < 25 || roll < 0.05) {
    article = await handlers['articles.create']({ headline: `${sentence().slice(0, 40)} ${n}` })
  } else {
    const row = pick(rows)
    if (roll < 0.3 && (row.state === 'draft' || row.state === 'in_review')) {
      article = await handlers['queue.move']({
        id: row.id,
        to: row.state === 'draft' ? 'in_review' : 'draft',
        note: 'إعادة للمراجعة',
      })
    } else {
      const current = await handlers['articles.get'](row.id)
      const paragraphs = Array.from({ length: 1 + Math.floor(Math.random() * 40) }, sentence)
      article = await handlers['articles.save']({
        id: row.id,
        baseRevision: current.revision,
        changes: { body: paragraphsToDelta(paragraphs), kicker: `${n}` },
      })
    }
  }
  say(`ack ${article.id} ${article.revision} ${articleDigest(article)}`)
  // The search index written every few changes, so that kills land in its writes and merges too.
  if (n % 6 === 5) await desk.context.search.flush()
}
