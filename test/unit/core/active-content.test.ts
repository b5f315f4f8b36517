import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { activeContent } from '../../../electron/core/import/active-content.js'
import { runCli } from '../../../electron/cli/run.js'
import type { CliIo } from '../../../electron/cli/io.js'
import { payloads } from '../../fixtures/xss/payloads.js'
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
    now: () => new Date('2026-06-17T04:15:00Z'),
  }
  return { io, out, err }
}

describe('active content in an imported file', () => {
  it('is counted in every payload of the XSS corpus, and in none of a clean article', () => {
    const silent = payloads.filter((p) => activeContent(p.html) === 0).map((p) => p.html)
    // The canary payloads that run only when clicked or focused are counted as well.
    expect(silent).toEqual([])
    expect(activeContent('<h1>عنوان</h1><p>نص <a href="https://news.example/">رابط</a></p>')).toBe(
      0,
    )
    expect(activeContent('<a href="jav&#x09;ascript:x()">x</a><img src=x onerror=y()>')).toBe(2)
  })

  it('is removed by midad import, said on stderr, and the story kept (exit 0)', async () => {
    const dir = await tempDir()
    const file = join(dir, 'hostile.html')
    await writeFile(
      file,
      '<html><body><h1>خبر معاد</h1><p>نص الخبر <img src=x onerror="alert(1)"></p><script>alert(2)</script></body></html>',
    )
    const { io, out, err } = captured()
    expect(await runCli(['import', file, '--data', join(dir, 'data')], io)).toBe(0)
    expect(err.join('\n')).toContain('2 piece(s) of active content removed')
    const id = out[0]!.split('\t')[0]!
    const shown = captured()
    await runCli(['show', id, '--json', '--data', join(dir, 'data')], shown.io)
    const article = JSON.parse(shown.out.join('\n'))
    expect(article.headline).toBe('خبر معاد')
    expect(JSON.stringify(article.body)).toContain('نص الخبر')
    expect(JSON.stringify(article)).not.toMatch(/alert|onerror|script/)
  })
})
