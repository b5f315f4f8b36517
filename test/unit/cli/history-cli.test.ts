import { describe, expect, it } from 'vitest'
import { paragraphsToDelta } from '../../../shared/delta.js'
import { openDesk } from '../../../electron/core/desk.js'
import { runCli } from '../../../electron/cli/run.js'
import type { CliIo } from '../../../electron/cli/io.js'
import { tempDir } from '../temp-dir.js'

function captured() {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {},
    platform: 'linux',
    homedir: '/nonexistent-home',
    now: () => new Date('2026-12-01T09:00:00Z'),
  }
  return { io, out, err, json: () => JSON.parse(out.join('\n')) }
}

const run = async (args: string[], dir: string) => {
  const result = captured()
  const code = await runCli([...args, '--data', dir], result.io)
  return { ...result, code }
}

describe('going back from the command line', () => {
  it('lists history, diffs, restores, trashes, untrashes and purges', async () => {
    const dir = await tempDir()
    let now = Date.parse('2026-12-01T09:00:00Z')
    const desk = await openDesk({ dataDir: dir, purpose: 'a test', clock: () => new Date(now) })
    const created = await desk.handlers['articles.create']({
      headline: 'الخطة',
      body: paragraphsToDelta(['تبدأ غدًا']),
    })
    now += 10 * 60_000
    await desk.handlers['articles.save']({
      id: created.id,
      baseRevision: 1,
      changes: { body: paragraphsToDelta(['تبدأ بعد غد']) },
    })
    await desk.close()

    const history = await run(['history', created.id, '--json'], dir)
    expect(history.code).toBe(0)
    expect(history.json()).toEqual([
      expect.objectContaining({ revision: 2, state: 'draft', words: 3, event: 'edited' }),
      expect.objectContaining({ revision: 1, state: 'draft', words: 2, event: 'created' }),
    ])
    expect(Object.keys(history.json()[0]).sort()).toEqual(
      ['at', 'by', 'event', 'revision', 'state', 'words'].sort(),
    )

    const diff = await run(['diff', created.id, '1', '2', '--json'], dir)
    expect(diff.json()).toEqual([
      { op: 'equal', text: 'الخطة\nتبدأ ' },
      { op: 'delete', text: 'غدًا' },
      { op: 'insert', text: 'بعد غد' },
    ])
    expect((await run(['diff', created.id, '1', '2'], dir)).out).toEqual([
      'الخطة\nتبدأ [-غدًا-]{+بعد غد+}',
    ])

    const restore = await run(['restore', created.id, '1'], dir)
    expect(restore.out).toEqual(['3'])
    expect((await run(['diff', created.id, '1', '3', '--json'], dir)).json()).toEqual([
      { op: 'equal', text: 'الخطة\nتبدأ غدًا' },
    ])
    expect((await run(['history', created.id, '--json'], dir)).json()[0]).toMatchObject({
      revision: 3,
      event: 'restored',
    })

    expect((await run(['trash', created.id], dir)).code).toBe(0)
    expect((await run(['trash', '--list', '--json'], dir)).json()).toEqual([
      expect.objectContaining({ id: created.id, headline: 'الخطة' }),
    ])
    expect((await run(['list', '--json'], dir)).json()).toEqual([])
    expect((await run(['untrash', created.id], dir)).code).toBe(0)
    expect((await run(['list', '--json'], dir)).json()).toHaveLength(1)

    await run(['trash', created.id], dir)
    const refused = await run(['purge', created.id], dir)
    expect(refused.code).toBe(2)
    expect(refused.err.join('\n')).toContain('--yes')
    expect((await run(['purge', created.id, '--yes'], dir)).out).toEqual([created.id])
    expect((await run(['trash', '--list', '--json'], dir)).json()).toEqual([])
    const gone = await run(['history', created.id], dir)
    expect(gone.code).toBe(1)
  })
})

describe('backups from the command line', () => {
  it('backs up, and after damage restores the library as it was (the damage kept too)', async () => {
    const { writeFile, rm } = await import('node:fs/promises')
    const { existsSync } = await import('node:fs')
    const { join } = await import('node:path')
    const dir = await tempDir()
    let now = Date.parse('2026-12-01T09:00:00Z')
    const desk = await openDesk({ dataDir: dir, purpose: 'a test', clock: () => new Date(now) })
    const a = await desk.handlers['articles.create']({ headline: 'الأول' })
    const b = await desk.handlers['articles.create']({ headline: 'الثاني' })
    await desk.close()

    const made = await run(['backup', '--json'], dir)
    expect(made.code).toBe(0)
    expect(existsSync(join(made.json().path, 'articles', `${a.id}.json`))).toBe(true)
    const listed = (await run(['backups', '--json'], dir)).json()
    expect(listed).toEqual([expect.objectContaining({ name: made.json().name })])
    expect(listed[0].bytes).toBeGreaterThan(0)

    // Damage: one article file garbled, the other gone.
    await writeFile(join(dir, 'articles', `${a.id}.json`), '{"id": "garbage')
    await rm(join(dir, 'articles', `${b.id}.json`))
    expect((await run(['restore-backup', made.json().name], dir)).code).toBe(2)
    const restored = await run(['restore-backup', made.json().name, '--yes'], dir)
    expect(restored.code).toBe(0)
    expect(restored.err.join('\n')).toMatch(/the library as it was is in backups\/backup-/)

    const after = (await run(['list', '--json'], dir)).json()
    expect(after.map((row: { headline: string }) => row.headline).sort()).toEqual(
      ['الأول', 'الثاني'].sort(),
    )
    // The state before the restore is a backup of its own: a restore can be undone.
    expect((await run(['backups', '--json'], dir)).json()).toHaveLength(2)
    now += 1000

    // While a desk holds the library, a restore is refused, naming who holds it.
    const open = await openDesk({ dataDir: dir, purpose: 'the browser host' })
    const locked = await run(['restore-backup', made.json().name, '--yes'], dir)
    expect(locked.code).toBe(1)
    expect(locked.err.join('\n')).toContain('the browser host')
    await open.close()
  })
})
