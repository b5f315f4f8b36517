import { type Page, chromium } from '@playwright/test'
import { chromiumArgs, freshDataDir, startHost } from '../e2e/host.js'

/**
 * The editor's work per keystroke in a 10,000-word Arabic article with mixed formatting, and a
 * 1 MB HTML paste, in Chromium through the browser host, beside a plain contenteditable
 * holding the same text, measured in the same run. Figures only: nothing passes or fails.
 *
 * Per keystroke: from the key event's timestamp to the end of the editor's handling of it (a
 * MutationObserver created after Quill's runs once Quill and our handlers are done), for
 * keydown-to-DOM-updated; Event Timing entries (≥ 16 ms) and long tasks (> 50 ms) are counted.
 */
const words = Number(process.env.BENCH_WORDS ?? 10_000)
const keys = Number(process.env.BENCH_KEYS ?? 300)
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function bigBody(count: number) {
  const sentence =
    'دعا رئيس الوزراء إلى تنسيق أمني أكبر بين مختلف القوات والمؤسسات في Baghdad عام 2021'.split(' ')
  const ops: { insert: string; attributes?: Record<string, unknown> }[] = []
  let written = 0
  let paragraph = 0
  while (written < count) {
    if (paragraph % 12 === 0) {
      ops.push(
        { insert: `عنوان فرعي ${paragraph}` },
        { insert: '\n', attributes: { header: 2, direction: 'rtl', align: 'right' } },
      )
    }
    for (let i = 0; i < 60 && written < count; i++, written++) {
      const word = sentence[written % sentence.length] ?? ''
      const attributes =
        written % 29 === 0
          ? { bold: true }
          : written % 31 === 0
            ? { italic: true }
            : written % 97 === 0
              ? { link: 'https://news.example/a' }
              : undefined
      ops.push(attributes ? { insert: word, attributes } : { insert: word })
      ops.push({ insert: ' ' })
    }
    ops.push({
      insert: '\n',
      attributes:
        paragraph % 15 === 7
          ? { list: 'bullet', direction: 'rtl', align: 'right' }
          : { direction: 'rtl', align: 'right' },
    })
    paragraph++
  }
  return { ops }
}

/** Types Arabic letters as an Arabic keyboard layout sends them: keydown with the letter, then input. */
async function typeArabic(page: Page, count: number): Promise<void> {
  const client = await page.context().newCDPSession(page)
  const keys = [
    { text: 'ب', code: 'KeyF', vk: 70 },
    { text: 'س', code: 'KeyS', vk: 83 },
    { text: 'م', code: 'KeyL', vk: 76 },
    { text: ' ', code: 'Space', vk: 32 },
  ]
  for (let i = 0; i < count; i++) {
    const key = keys[i % keys.length]!
    await client.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      text: key.text,
      unmodifiedText: key.text,
      key: key.text,
      code: key.code,
      windowsVirtualKeyCode: key.vk,
    })
    await client.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: key.text,
      code: key.code,
      windowsVirtualKeyCode: key.vk,
    })
  }
  await client.detach()
}

interface Probe {
  work: number[]
  latency: number[]
  /** From each keydown to the first frame painted after it: what the writer waits to see. */
  toPaint: number[]
  longTasks: number
}

/**
 * Runs in the page: Event Timing for keydown and input (processing end minus event start, and
 * the handlers' own time), keydown to next paint (which includes the browser's own editing and
 * layout), and long tasks. Event Timing reports only events whose duration to
 * the next paint reaches 16 ms; the others are counted as fast (under 16 ms).
 */
function installProbe(selector: string): void {
  const probe: Probe & { seen: number } = {
    work: [],
    latency: [],
    toPaint: [],
    longTasks: 0,
    seen: 0,
  }
  ;(window as unknown as { probe: typeof probe }).probe = probe
  const root = document.querySelector(selector) as HTMLElement
  root.addEventListener(
    'keydown',
    (event) => {
      probe.seen++
      // rAF callbacks run before the frame's paint; a task queued from one runs after it.
      requestAnimationFrame(() =>
        setTimeout(() => probe.toPaint.push(performance.now() - event.timeStamp)),
      )
    },
    true,
  )
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.name !== 'keydown' && entry.name !== 'input') continue
      probe.work.push(entry.processingEnd - entry.processingStart)
      probe.latency.push(entry.processingEnd - entry.startTime)
    }
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
  new PerformanceObserver((list) => (probe.longTasks += list.getEntries().length)).observe({
    type: 'longtask',
  })
}

function readProbe(): Probe & { seen: number } {
  return (window as unknown as { probe: Probe & { seen: number } }).probe
}

/**
 * Runs in the page: pastes 1 MB of HTML into an editable element, as a paste event (what the
 * editor handles) or with insertHTML (the plain baseline), and gives the time from the paste to
 * the first frame painted after it — the pasted text is then on screen.
 */
function timePaste(target: { selector: string; how: 'paste' | 'insertHTML' }): Promise<number> {
  const root = document.querySelector(target.selector) as HTMLElement
  root.focus()
  const paragraph =
    '<p>نص <b>غامق</b> و<i>مائل</i> مع <a href="https://news.example/a">رابط</a> ونص عربي طويل للقياس في هذا الاختبار.</p>'
  const html = paragraph.repeat(Math.ceil(1_048_576 / paragraph.length))
  const start = performance.now()
  if (target.how === 'insertHTML') document.execCommand('insertHTML', false, html)
  else {
    const data = new DataTransfer()
    data.setData('text/html', html)
    root.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }
  // rAF callbacks run before the frame's paint; a task queued from one runs after it.
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start))),
  )
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

const data = await freshDataDir()
const host = await startHost(data.dir)
const browser = await chromium.launch({
  executablePath,
  args: chromiumArgs,
})
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const call = async (method: string, ...args: unknown[]) => {
    const response = await page.request.post(`${host.origin}/api/${method}`, {
      headers: { Authorization: `Bearer ${host.token}` },
      data: args,
    })
    return (await response.json()).value
  }
  const article = await call('articles.create', {
    headline: 'مقال طويل للقياس',
    body: bigBody(words),
  })
  await page.goto(host.url)
  await page.getByRole('button', { name: 'مقال طويل للقياس' }).click()
  const editor = page.getByRole('textbox', { name: 'نص المقال' })
  await editor.waitFor()

  /** Installs the measurement on an editable element and types `keys` Arabic letters at its end. */
  const measure = async (selector: string, count = keys) => {
    await page.evaluate(installProbe, selector)
    await page.locator(selector).click()
    await page.keyboard.press('Control+End')
    await typeArabic(page, count)
    await page.waitForTimeout(1500)
    return page.evaluate(readProbe)
  }

  const quill = await measure('.body-host .ql-editor')
  const pasteMs = await page.evaluate(timePaste, {
    selector: '.body-host .ql-editor',
    how: 'paste' as const,
  })
  // A few keys suffice to see whether the editor answers right after the paste.
  const afterPaste = await measure('.body-host .ql-editor', 30)

  // The baseline: a plain contenteditable with the same text, in a page of its own.
  const baselinePage = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  const html = await editor.innerHTML()
  await baselinePage.setContent(
    `<html dir="rtl"><body><div id="plain" contenteditable="true" style="font-size:20px;line-height:2">${html}</div></body></html>`,
  )
  const baselineMeasure = async (count = keys) => {
    await baselinePage.evaluate(installProbe, '#plain')
    await baselinePage.locator('#plain').click()
    await baselinePage.keyboard.press('Control+End')
    await typeArabic(baselinePage, count)
    await baselinePage.waitForTimeout(1500)
    return baselinePage.evaluate(readProbe)
  }
  const plain = await baselineMeasure()
  const plainPasteMs = await baselinePage.evaluate(timePaste, {
    selector: '#plain',
    how: 'insertHTML' as const,
  })
  const plainAfterPaste = await baselineMeasure(30)

  // Events Event Timing did not report took under 16 ms: counted as 0 ms here, which only lowers
  // the percentiles where most events are fast; the counts say how many were reported.
  const padded = (values: number[], total: number) => [
    ...values,
    ...Array(Math.max(0, total - values.length)).fill(0),
  ]
  const line = (label: string, s: Probe & { seen: number }) => {
    const events = s.seen * 2
    const work = padded(s.work, events)
    const latency = padded(s.latency, events)
    return `${label}: ${s.seen} keys (keydown + input = ${events} events, ${s.work.length} of them ≥ 16 ms to paint); processing end − event start p95 ${percentile(latency, 95).toFixed(1)} ms (p50 ${percentile(latency, 50).toFixed(1)}); handlers' own work p95 ${percentile(work, 95).toFixed(1)} ms; keydown to painted p95 ${percentile(s.toPaint, 95).toFixed(0)} ms (p50 ${percentile(s.toPaint, 50).toFixed(0)}); long tasks > 50 ms: ${s.longTasks}`
  }
  console.log(
    `editor, ${words.toLocaleString('en')}-word Arabic article with mixed formatting (article ${article.id}); Chromium ${browser.version()}`,
  )
  console.log(line('quill keystroke', quill))
  console.log(line('baseline contenteditable keystroke', plain))
  console.log(`target: p95 ≤ 8 ms per keystroke, no long task over 50 ms while typing`)
  console.log(
    `paste 1 MB of HTML, until painted: ${pasteMs.toFixed(0)} ms | baseline contenteditable insertHTML ${plainPasteMs.toFixed(0)} ms | target ≤ 2000 ms`,
  )
  console.log(line('quill keystroke right after the paste', afterPaste))
  console.log(line('baseline contenteditable keystroke after its paste', plainAfterPaste))
} finally {
  await browser.close()
  await host.stop()
  await data.remove()
}
