import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Delta } from '../../shared/article.js'
import { type Misspelled, styleFindings } from '../../shared/article-check.js'
import type { Settings } from '../../shared/settings.js'
import {
  bodyLocator,
  drawFindings,
  fixInEditor,
  headlineLocator,
  type Locate,
} from '../editor/style-marks.js'
import type { Quill } from '../editor/quill-setup.js'
import type { ShownFinding } from './ProofingPanel.js'

/**
 * House style in the open article: findings of the settled draft (after typing pauses, never
 * on a key), underlined in the headline and body editors, fixed as the editors' own edits, and
 * ignored for this sitting (an ignored finding is one rule on one piece of text in its place).
 */
export function useProofing(
  settled: { headline: string; body: Delta; section: string },
  paragraphs: string[],
  settings: Settings,
  headline: () => Quill | null,
  misspelled: Misspelled | undefined,
) {
  const body = useRef<Quill | null>(null)
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set())
  const all = useMemo(() => {
    const texts = [settled.headline, ...paragraphs]
    return styleFindings(settled, settings, misspelled).map((f): ShownFinding => {
      const text = texts[f.paragraph] ?? ''
      const found = text.slice(f.offset, f.offset + f.length)
      const around = text.slice(Math.max(0, f.offset - 12), f.offset + f.length + 12)
      return { ...f, found, key: `${f.rule}|${f.paragraph}|${around}|${f.offset}` }
    })
  }, [settled, paragraphs, settings, misspelled])
  const findings = useMemo(() => all.filter((f) => !ignored.has(f.key)), [all, ignored])

  const editors = useCallback(() => {
    const line = headline()
    const text = body.current
    const places: { quill: Quill; locate: Locate; findings: ShownFinding[] }[] = []
    if (line) places.push({ quill: line, locate: headlineLocator(line), findings: [] })
    if (text) places.push({ quill: text, locate: bodyLocator(text), findings: [] })
    return places
  }, [headline])

  const placed = useCallback(
    (shown: ShownFinding[]) => {
      const places = editors()
      for (const f of shown) {
        const place = places.find((p) => (p.quill === headline()) === (f.paragraph === 0))
        place?.findings.push(f)
      }
      return places
    },
    [editors, headline],
  )

  useEffect(() => {
    drawFindings(placed(findings))
  }, [findings, placed])
  useEffect(() => () => drawFindings([]), [])

  const fix = useCallback(
    (chosen: ShownFinding[]) => {
      // From the end backwards, so each fix leaves the places of the ones before it as found.
      const last = [...chosen].sort((a, b) => b.paragraph - a.paragraph || b.offset - a.offset)
      for (const place of placed(last)) {
        for (const f of place.findings) fixInEditor(place.quill, place.locate, f, f.found)
      }
    },
    [placed],
  )

  const show = useCallback(
    (finding: ShownFinding) => {
      for (const place of placed([finding])) {
        const at = place.findings[0] && place.locate(finding)
        if (!at) continue
        place.quill.setSelection(at.index, at.length, 'user')
      }
    },
    [placed],
  )

  const ignore = useCallback(
    (finding: ShownFinding) => setIgnored((current) => new Set([...current, finding.key])),
    [],
  )
  const onBodyQuill = useCallback((quill: Quill | null) => {
    body.current = quill
  }, [])
  /** The finding at a place in one of the editors (a Quill index), if one is drawn there. */
  const findingAt = useCallback(
    (quill: Quill, index: number, rule: ShownFinding['rule']) => {
      for (const place of placed(findings.filter((f) => f.rule === rule))) {
        if (place.quill !== quill) continue
        const hit = place.findings.find((f) => {
          const at = place.locate(f)
          return at !== null && at.index <= index && index <= at.index + at.length
        })
        if (hit) return hit
      }
      return null
    },
    [findings, placed],
  )
  const quills = useCallback(() => editors().map((place) => place.quill), [editors])
  return {
    findings,
    ignored: all.length - findings.length,
    fix,
    ignore,
    show,
    onBodyQuill,
    findingAt,
    quills,
  }
}
