import { execFile, spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openDesk } from '../../../electron/core/desk.js'
import { runCli } from '../../../electron/cli/run.js'
import type { CliIo } from '../../../electron/cli/io.js'
import { fixtureFolder, siteFixtures } from '../fixtures.js'
import { projectDictionary as dictionary } from '../../../electron/launch/build.js'
import { steppingClock, tempDir } from '../temp-dir.js'

function captured(env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env,
    platform: 'linux',
    homedir: '/nonexistent-home',
    now: () => new Date('2026-06-17T04:15:00Z'),
  }
  return { io, out, err }
}

async function libraryWith(headlines: string[]) {
  const dir = await tempDir()
  const desk = await openDesk({ dataDir: dir, purpose: 'a test', clock: steppingClock() })
  const ids: string[] = []
  for (const headline of headlines)
    ids.push((await desk.handlers['articles.create']({ headline })).id)
  return { dir, desk, ids }
}

describe('midad list', () => {
  it('prints [] for an empty library, creating the missing data dir', async () => {
    const dir = join(await tempDir(), 'new', 'library')
    const { io, out } = captured()
    expect(await runCli(['list', '--json', '--data', dir], io)).toBe(0)
    expect(JSON.parse(out.join('\n'))).toEqual([])
  })

  it('lists newest first while the desk holds the lock, options anywhere', async () => {
    const { dir, desk, ids } = await libraryWith(['الأول', 'الثاني'])
    try {
      const { io, out, err } = captured()
      expect(await runCli(['--json', 'list', '--data', dir], io)).toBe(0)
      const rows = JSON.parse(out.join('\n'))
      expect(rows.map((r: { id: string }) => r.id)).toEqual([ids[1], ids[0]])
      expect(Object.keys(rows[0]).sort()).toEqual([
        'headline',
        'id',
        'section',
        'state',
        'updatedAt',
      ])
      expect(rows[0].state).toBe('draft')
      expect(err).toEqual([])
    } finally {
      await desk.close()
    }
  })

  it('reads MIDAD_DATA_DIR when there is no --data', async () => {
    const { dir, desk } = await libraryWith(['من المتغير'])
    await desk.close()
    const { io, out } = captured({ MIDAD_DATA_DIR: dir })
    expect(await runCli(['list'], io)).toBe(0)
    expect(out.join('\n')).toContain('من المتغير')
  })
})

describe('midad show', () => {
  it('prints the article as stored', async () => {
    const { dir, desk, ids } = await libraryWith(['خبر'])
    await desk.close()
    const { io, out } = captured()
    expect(await runCli(['show', ids[0] as string, '--json', `--data=${dir}`], io)).toBe(0)
    const article = JSON.parse(out.join('\n'))
    expect(article).toMatchObject({ id: ids[0], headline: 'خبر', revision: 1, text: [] })
    expect(article.body.ops).toBeInstanceOf(Array)
    expect(article.history).toHaveLength(1)
  })

  it('fails with exit 1 for an unknown id', async () => {
    const { io, out, err } = captured()
    expect(await runCli(['show', 'abcdefgh1234', '--data', await tempDir()], io)).toBe(1)
    expect(out).toEqual([])
    expect(err.join('\n')).toContain('no article with id abcdefgh1234')
  })
})

describe('usage errors', () => {
  it.each([
    [[]],
    [['publish']],
    [['list', '--colour']],
    [['show']],
    [['show', '../etc/passwd']],
    [['list', 'extra']],
  ])('exit 2 for %j', async (argv) => {
    const { io, out, err } = captured()
    expect(await runCli([...argv, '--data', await tempDir()], io)).toBe(2)
    expect(out).toEqual([])
    expect(err.join('\n')).toContain('usage: midad')
  })
})

describe('the real command', () => {
  it('runs through npm with only JSON on stdout', async () => {
    const { dir, desk } = await libraryWith(['عبر npm'])
    try {
      const { stdout } = await promisify(execFile)(
        'npm',
        ['run', '-s', 'midad', '--', 'list', '--json', '--data', dir],
        { cwd: join(import.meta.dirname, '..', '..', '..') },
      )
      expect(JSON.parse(stdout)[0].headline).toBe('عبر npm')
    } finally {
      await desk.close()
    }
  })

  it("runs as the package's bin, from its bundle", async () => {
    const root = join(import.meta.dirname, '..', '..', '..')
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(root, 'electron', 'cli', 'bin.mjs'),
      '--help',
    ])
    expect(stdout).toContain('usage: midad <command>')
  })

  it('stops printing quietly when its reader goes (midad … | head)', async () => {
    const root = join(import.meta.dirname, '..', '..', '..')
    const child = spawn(process.execPath, [join(root, 'electron', 'cli', 'bin.mjs'), '--help'])
    // The reading end closed before the first line: every write meets EPIPE.
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})

describe('midad import and export', () => {
  const fixture = join(fixtureFolder, 'kadhimi-security-coordination.txt')

  it('imports a file, skips it as a duplicate the second time, and exports it back', async () => {
    const dir = await tempDir()
    const first = captured()
    expect(await runCli(['import', fixture, '--data', dir], first.io)).toBe(0)
    expect(first.out).toHaveLength(1)
    const [id, headline] = first.out[0]!.split('\t')
    expect(headline).toBe('الكاظمي: أدعو إلى تنسيق أكبر بين الأجهزة الأمنية')
    // The search index is on disk, holding the story, before the command ends.
    const search = join(dir, 'search')
    const { generation } = JSON.parse(await readFile(join(search, 'current.json'), 'utf8'))
    const manifest = JSON.parse(
      await readFile(join(search, `g${generation}`, 'manifest.json'), 'utf8'),
    )
    expect(manifest.docs.map((doc: string[]) => doc[0])).toEqual([id])

    const again = captured()
    expect(await runCli(['import', fixture, '--data', dir], again.io)).toBe(0)
    expect(again.out).toEqual([])
    expect(again.err.join('\n')).toMatch(/skipped .*already in the library/)

    const exported = captured()
    const out = join(dir, 'out')
    expect(
      await runCli(
        ['export', id!, '--format', 'text,ninjs', '--out', out, '--json', '--data', dir],
        exported.io,
      ),
    ).toBe(0)
    const result = JSON.parse(exported.out.join('\n'))
    expect(result.files.map((f: { path: string }) => f.path.split('/').at(-1))).toEqual([
      'الكاظمي-أدعو-إلى-تنسيق-أكبر-بين-الأجهزة-الأمنية.txt',
      'الكاظمي-أدعو-إلى-تنسيق-أكبر-بين-الأجهزة-الأمنية.json',
    ])
    expect(await readFile(result.files[0].path, 'utf8')).toBe(await readFile(fixture, 'utf8'))
  })

  it('reports a failing file on stderr, still imports the others, and exits 1', async () => {
    const dir = await tempDir()
    const bad = join(dir, 'bad.txt')
    await writeFile(bad, 'عنوان\n\nلا سطر تاريخ هنا')
    const { io, out, err } = captured()
    expect(await runCli(['import', bad, fixture, '--data', join(dir, 'lib')], io)).toBe(1)
    expect(out).toHaveLength(1)
    expect(err.join('\n')).toMatch(/failed .*bad\.txt: expected the date line .* on line 3/)
  })

  it('imports a whole folder, with --json giving one document', async () => {
    const { io, out } = captured()
    expect(await runCli(['import', fixtureFolder, '--json', '--data', await tempDir()], io)).toBe(0)
    const report = JSON.parse(out.join('\n'))
    expect(report.imported).toHaveLength(siteFixtures().length)
  })

  it('imports the images a Markdown file links to beside it, and nothing from outside its folder', async () => {
    const root = await tempDir()
    const folder = join(root, 'archive')
    await mkdir(join(folder, 'صور'), { recursive: true })
    const png = await readFile(join(import.meta.dirname, '..', '..', '..', 'assets', 'icon.png'))
    await writeFile(join(folder, 'صور', 'شعار مداد.png'), png)
    await writeFile(join(root, 'outside.png'), png)
    await writeFile(
      join(folder, 'خبر.md'),
      '# خبر بصور\n\nفقرة.\n\n![شعار](صور/شعار%20مداد.png)\n\n![خارج](../outside.png)\n\n![بعيد](https://tracker.example/x.png)\n\n![مفقود](صور/غير-موجود.png)\n',
    )
    const data = join(root, 'library')
    const { io, out, err } = captured()
    expect(await runCli(['import', folder, '--json', '--data', data], io)).toBe(0)
    const report = JSON.parse(out.join('\n'))
    expect(report.warnings).toEqual([
      {
        file: join(folder, 'خبر.md'),
        message: expect.stringMatching(/^3 image\(s\) left out/),
        detail: { code: 'import-images-left-out', params: { count: 3 } },
      },
    ])
    expect(err.join('\n')).toContain('3 image(s) left out')
    const id = report.imported[0].id
    const stored = JSON.parse(await readFile(join(data, 'articles', `${id}.json`), 'utf8'))
    expect(
      stored.body.ops.filter((op: { insert: unknown }) => typeof op.insert !== 'string'),
    ).toEqual([{ insert: { image: 'image-1.png' }, attributes: { alt: 'شعار' } }])
    expect((await readFile(join(data, 'media', id, 'image-1.png'))).equals(png)).toBe(true)
  })

  it('exports by state and refuses what it cannot do', async () => {
    const dir = await tempDir()
    await runCli(['import', fixture, '--data', dir], captured().io)
    const byState = captured()
    expect(
      await runCli(['export', '--state', 'draft', '--format', 'html', '--data', dir], byState.io),
    ).toBe(0)
    expect(byState.out[0]).toMatch(/exports\/.*\.html$/)
    const pdf = captured()
    expect(
      await runCli(['export', '--state', 'draft', '--format', 'pdf', '--data', dir], pdf.io),
    ).toBe(1)
    expect(pdf.err.join('\n')).toContain('desktop app')
    for (const argv of [
      ['export', '--state', 'draft', '--format', 'odt'],
      ['export', '--format', 'html'],
      ['export', '--state', 'published'],
      ['import'],
    ]) {
      expect(await runCli([...argv, '--data', dir], captured().io), argv.join(' ')).toBe(2)
    }
  })
})

describe('midad move and queue', () => {
  it('moves through the workflow, refuses with each reason, and shows the queue', async () => {
    const dir = await tempDir()
    const created = captured()
    await runCli(
      ['import', join(fixtureFolder, 'kadhimi-security-coordination.txt'), '--data', dir],
      created.io,
    )
    const id = created.out[0]!.split('\t')[0]!
    expect(await runCli(['move', id, 'in_review', '--data', dir], captured().io)).toBe(0)
    const refused = captured()
    expect(await runCli(['move', id, 'draft', '--data', dir], refused.io)).toBe(1)
    expect(refused.err.join('\n')).toContain('needs a note')
    expect(await runCli(['move', id, 'ready', '--data', dir], captured().io)).toBe(0)
    const scheduled = captured()
    expect(
      await runCli(
        ['move', id, 'scheduled', '--at', '2036-12-01T09:00', '--json', '--data', dir],
        scheduled.io,
      ),
    ).toBe(0)
    expect(JSON.parse(scheduled.out.join('\n'))).toMatchObject({
      id,
      from: 'ready',
      to: 'scheduled',
      scheduledAt: '2036-12-01T06:00:00.000Z',
    })
    const queue = captured()
    expect(await runCli(['queue', '--json', '--data', dir], queue.io)).toBe(0)
    expect(JSON.parse(queue.out.join('\n'))).toEqual([
      {
        id,
        headline: 'الكاظمي: أدعو إلى تنسيق أكبر بين الأجهزة الأمنية',
        section: 'العراق',
        state: 'scheduled',
        priority: 3,
        scheduledAt: '2036-12-01T06:00:00.000Z',
        missedSchedule: false,
      },
    ])
    const list = captured()
    await runCli(['list', '--json', '--data', dir], list.io)
    expect(JSON.parse(list.out.join('\n'))[0].state).toBe('scheduled')
    for (const argv of [
      ['move', id],
      ['move', id, 'published'],
      ['move', id, 'scheduled', '--at', 'tomorrow'],
    ]) {
      expect(await runCli([...argv, '--data', dir], captured().io), argv.join(' ')).toBe(2)
    }
  })
})

describe('midad check', () => {
  it('lists house style and the content rules, and exits 1 only for errors', async () => {
    const { dir, desk, ids } = await libraryWith(['عنوان'.repeat(20), 'عنوان سليم'])
    await desk.handlers['articles.save']({
      id: ids[1]!,
      baseRevision: 1,
      changes: { body: { ops: [{ insert: 'نص سليم.\nذهب الى السوق ,ثم عاد\n' }] } },
    })
    await desk.close()
    const broken = captured()
    expect(await runCli(['check', ids[0]!, '--json', '--data', dir], broken.io)).toBe(1)
    const findings = JSON.parse(broken.out.join('\n'))
    expect(findings).toEqual([
      expect.objectContaining({ id: ids[0], rule: 'headline-length', paragraph: 0, offset: 64 }),
      expect.objectContaining({
        id: ids[0],
        rule: 'profile-max',
        field: 'headline',
        severity: 'error',
        limit: 64,
        actual: 100,
      }),
      expect.objectContaining({ id: ids[0], rule: 'profile-empty-body', severity: 'error' }),
    ])
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(['rule', 'paragraph', 'offset', 'length', 'severity', 'message']),
      )
    }
    const warned = captured()
    expect(await runCli(['check', ids[1]!, '--json', '--data', dir], warned.io)).toBe(0)
    // «ذهب الى السوق ,ثم عاد» is the second body paragraph: الى at 4, « ,» at 13.
    expect(JSON.parse(warned.out.join('\n'))).toEqual([
      {
        id: ids[1],
        rule: 'hamza-alef',
        field: 'body',
        paragraph: 2,
        offset: 4,
        length: 3,
        severity: 'warning',
        message: 'a common spelling without its hamza',
        suggestion: 'إلى',
      },
      expect.objectContaining({ rule: 'space-before-punctuation', paragraph: 2, offset: 13 }),
      expect.objectContaining({ rule: 'latin-punctuation', paragraph: 2, offset: 14 }),
    ])
    const text = captured()
    expect(await runCli(['check', ids[1]!, '--data', dir], text.io)).toBe(0)
    expect(text.out[0]).toBe(
      `${ids[1]}:2:4\twarning\thamza-alef\t«الى» a common spelling without its hamza → «إلى»`,
    )
    expect(await runCli(['check', '--data', dir], captured().io)).toBe(2)
    expect(await runCli(['check', 'no/such/file.txt', '--data', dir], captured().io)).toBe(2)
  })

  it('checks a file of any importable format without importing it', async () => {
    const dir = await tempDir()
    const fixture = siteFixtures().find(({ text }) => text.includes('االقيادات'))!
    const file = join(dir, fixture.name)
    await writeFile(file, fixture.text)
    const markdown = join(dir, 'خبر.md')
    await writeFile(
      markdown,
      '---\ntitle: عنوان الخبر\nsection: سياسة\n---\n\nقال الوزير , اليوم\n',
    )
    const { io, out } = captured()
    expect(await runCli(['check', file, markdown, '--json', '--data', dir], io)).toBe(0)
    const findings = JSON.parse(out.join('\n'))
    const doubled = findings.find((f: { rule: string }) => f.rule === 'doubled-letter')
    expect(doubled).toMatchObject({ file, field: 'body', length: 2, suggestion: 'ا' })
    const paragraphs = fixture.text.split('\n').filter((line) => line.trim())
    // The site file's paragraphs, as the importer reads them: headline, date line, then the body.
    const body = paragraphs.slice(2)
    expect(body[doubled.paragraph - 1]!.slice(doubled.offset, doubled.offset + 2)).toBe('اا')
    expect(findings.filter((f: { file: string }) => f.file === markdown)).toEqual([
      expect.objectContaining({ rule: 'space-before-punctuation', paragraph: 1, offset: 10 }),
      expect.objectContaining({ rule: 'latin-punctuation', paragraph: 1, offset: 11 }),
    ])
    expect(await runCli(['list', '--json', '--data', dir], captured().io)).toBe(0)
    const listed = captured()
    await runCli(['list', '--json', '--data', dir], listed.io)
    expect(JSON.parse(listed.out.join('\n'))).toEqual([])
  })

  it('exits 1 once a newsroom makes a rule an error, and a move to ready needs an override', async () => {
    const { dir, desk, ids } = await libraryWith(['اجتماع االقيادات'])
    const id = ids[0]!
    await desk.handlers['articles.save']({
      id,
      baseRevision: 1,
      changes: { section: 'سياسة', body: { ops: [{ insert: 'نص الخبر.\n' }] } },
    })
    await desk.handlers['settings.update']({
      houseStyle: {
        off: [],
        severities: { 'doubled-letter': 'error' },
        replacements: {},
        headlineLimit: null,
      },
    })
    await desk.handlers['queue.move']({ id, to: 'in_review' })
    await desk.close()
    const checked = captured()
    expect(await runCli(['check', id, '--json', '--data', dir], checked.io)).toBe(1)
    expect(JSON.parse(checked.out.join('\n'))).toEqual([
      expect.objectContaining({ rule: 'doubled-letter', severity: 'error', paragraph: 0 }),
    ])
    const refused = captured()
    expect(await runCli(['move', id, 'ready', '--data', dir], refused.io)).toBe(1)
    expect(refused.err.join('\n')).toContain('1 house-style finding(s) at error or above')
    const moved = captured({ MIDAD_EDITOR: 'سارة' })
    const argv = ['move', id, 'ready', '--override', 'اسم علم كما يكتبه صاحبه', '--json']
    expect(await runCli([...argv, '--data', dir], moved.io)).toBe(0)
    const override = { reason: 'اسم علم كما يكتبه صاحبه', findings: 1 }
    expect(JSON.parse(moved.out.join('\n'))).toMatchObject({ to: 'ready', override })
    const shown = captured()
    await runCli(['show', id, '--json', '--data', dir], shown.io)
    expect(JSON.parse(shown.out.join('\n')).history.at(-1)).toMatchObject({ to: 'ready', override })
  })

  it('spells with the shipped dictionary and the newsroom words, and spelling can block ready', async () => {
    const { dir, desk, ids } = await libraryWith(['زيارة سامراء'])
    const id = ids[0]!
    await desk.handlers['articles.save']({
      id,
      baseRevision: 1,
      changes: { section: 'سياسة', body: { ops: [{ insert: 'قال ان الحكومه مستمرة.\n' }] } },
    })
    await desk.close()
    const checked = captured()
    expect(await runCli(['check', id, '--json', '--data', dir], checked.io)).toBe(0)
    const spelling = JSON.parse(checked.out.join('\n')).filter(
      (f: { rule: string }) => f.rule === 'spelling',
    )
    // «سامراء» (a place the dictionary lacks) in the headline; «ان» and «الحكومه» in the text.
    expect(spelling).toEqual([
      expect.objectContaining({ paragraph: 0, offset: 6, length: 6, severity: 'info' }),
      expect.objectContaining({ paragraph: 1, offset: 4, length: 2 }),
      expect.objectContaining({ paragraph: 1, offset: 7, length: 7 }),
    ])
    expect(spelling[0]).not.toHaveProperty('suggestion')

    // The newsroom knows the place; it makes misspellings errors that block readiness.
    const again = await openDesk({ dataDir: dir, purpose: 'test', spellingDictionary: dictionary })
    await again.handlers['spelling.addWord']({ word: 'سامراء' })
    const settings = await again.handlers['settings.get']()
    await again.handlers['settings.update']({
      houseStyle: { ...settings.houseStyle, severities: { spelling: 'error' } },
    })
    await again.handlers['queue.move']({ id, to: 'in_review' })
    await again.close()
    const text = captured()
    expect(await runCli(['check', id, '--data', dir], text.io)).toBe(1)
    expect(text.out).toEqual([
      `${id}:1:4\terror\tspelling\t«ان» a word neither the dictionary nor the newsroom knows`,
      `${id}:1:7\terror\tspelling\t«الحكومه» a word neither the dictionary nor the newsroom knows`,
    ])
    const refused = captured()
    expect(await runCli(['move', id, 'ready', '--data', dir], refused.io)).toBe(1)
    expect(refused.err.join('\n')).toContain('2 house-style finding(s) at error or above')
    const moved = captured()
    const argv = ['move', id, 'ready', '--override', 'اقتباس حرفي', '--json', '--data', dir]
    expect(await runCli(argv, moved.io)).toBe(0)
    expect(JSON.parse(moved.out.join('\n'))).toMatchObject({
      override: { reason: 'اقتباس حرفي', findings: 2 },
    })
  })
})

describe('midad search', () => {
  it('finds words in headlines and text, ignoring diacritics and alef forms', async () => {
    const dir = await tempDir()
    await runCli(
      ['import', join(fixtureFolder, 'kadhimi-security-coordination.txt'), '--data', dir],
      captured().io,
    )
    const found = captured()
    expect(await runCli(['search', 'سامراء', 'البخاريه', '--json', '--data', dir], found.io)).toBe(
      0,
    )
    const results = JSON.parse(found.out.join('\n'))
    expect(results).toEqual([
      expect.objectContaining({
        headline: 'الكاظمي: أدعو إلى تنسيق أكبر بين الأجهزة الأمنية',
        snippet: expect.stringContaining('سامراء البخارية'),
      }),
    ])
    const byHeadline = captured()
    await runCli(['search', 'ادعو', '--json', '--data', dir], byHeadline.io)
    expect(JSON.parse(byHeadline.out.join('\n'))).toHaveLength(1)
    const none = captured()
    expect(await runCli(['search', 'كرة القدم', '--json', '--data', dir], none.io)).toBe(0)
    expect(JSON.parse(none.out.join('\n'))).toEqual([])
    expect(await runCli(['search', '--data', dir], captured().io)).toBe(2)
    // Filters and the page size, as options.
    const drafts = captured()
    expect(
      await runCli(
        ['search', 'سامراء', '--state', 'draft', '--limit', '5', '--json', '--data', dir],
        drafts.io,
      ),
    ).toBe(0)
    expect(JSON.parse(drafts.out.join('\n'))).toHaveLength(1)
    const ready = captured()
    expect(
      await runCli(['search', 'سامراء', '--state', 'ready', '--json', '--data', dir], ready.io),
    ).toBe(0)
    expect(JSON.parse(ready.out.join('\n'))).toEqual([])
    expect(
      await runCli(['search', 'سامراء', '--limit', 'كثير', '--data', dir], captured().io),
    ).toBe(2)
    expect(await runCli(['search', 'سامراء', '--from', 'أمس', '--data', dir], captured().io)).toBe(
      2,
    )
  })
})

describe('a damaged library', () => {
  it('reading commands show the truth and repair nothing; a writing one repairs, saying so', async () => {
    const { dir, desk, ids } = await libraryWith(['سليم', 'سيتلف'])
    await desk.close()
    const damaged = join(dir, 'articles', `${ids[1]}.json`)
    await writeFile(damaged, '{"id": "trunc')
    const list = captured()
    expect(await runCli(['list', '--json', '--data', dir], list.io)).toBe(0)
    expect(
      JSON.parse(list.out.join('\n'))
        .map((row: { id: string }) => row.id)
        .sort(),
    ).toEqual([...ids].sort())
    expect(list.err.join('\n')).toMatch(new RegExp(`${ids[1]} is damaged.*will repair it`))
    const show = captured()
    expect(await runCli(['show', ids[1]!, '--json', '--data', dir], show.io)).toBe(0)
    expect(JSON.parse(show.out.join('\n')).headline).toBe('سيتلف')
    expect(await readFile(damaged, 'utf8')).toBe('{"id": "trunc')

    const move = captured()
    expect(await runCli(['move', ids[1]!, 'in_review', '--data', dir], move.io)).toBe(0)
    expect(move.err.join('\n')).toMatch(
      /restored from its revision 1; its bytes are in .*quarantine/,
    )
    expect(JSON.parse(await readFile(damaged, 'utf8')).state).toBe('in_review')
  })
})
