import { useEffect, useRef, useState } from 'react'
import { renderBodyHtml } from '../../shared/render-html.js'
import type { Settings } from '../../shared/settings.js'
import { formatHijriDate } from '../../shared/site-date.js'
import { siteMetaLine } from '../../shared/site-text.js'
import type { Draft } from './MetadataPanel.js'
import { useWords } from './words.js'
import { BidiText } from './BidiText.js'
import './preview.css'

/** The widths the site is read at: a desktop browser's window, a phone's screen (CSS pixels). */
const siteWidths = { desktop: 1024, phone: 375 } as const

/**
 * The article as the site shows it: headline, the site's metadata line in its own words and
 * order, and the paragraphs, from the same renderer as the HTML export.
 */
export function SitePreview(props: {
  draft: Draft
  visits: number
  comments: number
  fallbackDate: string
  settings: Settings
  imageUrl: string | null
  bodyImageUrl: (file: string) => string
}) {
  const { words } = useWords()
  const [width, setWidth] = useState<'desktop' | 'phone'>('desktop')
  // The page is laid out at the site's own width and scaled down to fit the panel, as a
  // browser's zoom would: the desktop view shows the desktop column, not a squeezed one.
  const holder = useRef<HTMLDivElement>(null)
  const [fit, setFit] = useState(1)
  useEffect(() => {
    const element = holder.current
    if (!element) return
    const observer = new ResizeObserver(() =>
      setFit(Math.min(1, element.clientWidth / siteWidths[width])),
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [width])
  const { draft, settings } = props
  const options = { arabicDigits: settings.digits === 'arab' }
  const publishedAt = draft.publishedAt ?? props.fallbackDate
  const meta = siteMetaLine(
    { publishedAt, visits: props.visits, comments: props.comments, section: draft.section },
    settings.timeZone,
    options,
  )
  return (
    <section className="preview" aria-label={words.previewLabel}>
      <div className="preview-controls" role="group" aria-label={words.previewWidth}>
        <button
          type="button"
          aria-pressed={width === 'desktop'}
          onClick={() => setWidth('desktop')}
        >
          {words.previewDesktop}
        </button>
        <button type="button" aria-pressed={width === 'phone'} onClick={() => setWidth('phone')}>
          {words.previewPhone}
        </button>
        <button type="button" onClick={() => window.print()}>
          {words.previewPrint}
        </button>
      </div>
      <div className="preview-holder" ref={holder}>
        <div
          className={`preview-frame ${width}`}
          style={{ width: siteWidths[width], zoom: fit }}
          data-fit={fit.toFixed(3)}
        >
          <article
            className="site-article"
            dir="rtl"
            lang="ar"
            onClick={(event) => {
              // Links open outside the desk (a new tab, or the system browser in Electron).
              const link = (event.target as HTMLElement).closest('a')
              if (!link) return
              event.preventDefault()
              window.open(link.href, '_blank', 'noopener,noreferrer')
            }}
          >
            <h1 className="site-headline">
              <BidiText text={draft.headline} />
            </h1>
            <p className="site-meta" data-testid="site-meta">
              {meta}
            </p>
            {settings.hijriLine && (
              <p className="site-meta">
                {formatHijriDate(new Date(publishedAt), settings.timeZone, options)}
              </p>
            )}
            {props.imageUrl && draft.featuredImage && (
              <figure className="site-figure">
                <img src={props.imageUrl} alt={draft.featuredImage.alt} />
                {draft.featuredImage.caption && (
                  <figcaption>
                    <BidiText text={draft.featuredImage.caption} />
                  </figcaption>
                )}
              </figure>
            )}
            <div
              className="site-body"
              // Our own renderer: every text escaped, only safe links (shared/render-html.ts).
              dangerouslySetInnerHTML={{ __html: renderBodyHtml(draft.body, props.bodyImageUrl) }}
            />
          </article>
        </div>
      </div>
    </section>
  )
}
