import { describe, expect, it } from 'vitest'
import { deltaToParagraphs, paragraphsToDelta } from '../../../shared/delta.js'

describe('delta paragraphs', () => {
  it('round-trips paragraphs, keeping every code point', () => {
    const paragraphs = ['\u00a0وفي السياق شدد', 'من\u00a0 1400 موقع', 'Latin and عربي']
    expect(deltaToParagraphs(paragraphsToDelta(paragraphs))).toEqual(paragraphs)
  })

  it('reads formatted lines and skips embeds and empty lines', () => {
    const body = {
      ops: [
        { insert: 'عنوان ' },
        { insert: 'غامق', attributes: { bold: true } },
        { insert: '\n\n' },
        { insert: { image: 'media/a.png' } },
        { insert: 'فقرة\n' },
      ],
    }
    expect(deltaToParagraphs(body)).toEqual(['عنوان غامق', 'فقرة'])
  })

  it('gives an empty document one newline, as Quill expects', () => {
    expect(paragraphsToDelta([])).toEqual({ ops: [{ insert: '\n' }] })
  })
})
