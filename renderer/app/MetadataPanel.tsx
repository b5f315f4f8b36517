import { fill } from '../i18n/i18n.js'
import { DateField, TimeField } from './DateTimeFields.js'
import { zoneName } from '../i18n/time-zones.js'
import { useState } from 'react'
import type { Article, ArticleFields } from '../../shared/article.js'
import {
  type Finding,
  type ProfileField,
  fieldLength,
  rulesFor,
} from '../../shared/content-profile.js'
import type { Settings } from '../../shared/settings.js'
import { fromWallClock, wallClock } from '../../shared/site-date.js'
import { Field } from './Field.js'
import { findingsFor } from './findings.js'
import { useWords } from './words.js'

/** The editable fields the workspace keeps as a draft. */
export type Draft = Pick<
  ArticleFields,
  | 'headline'
  | 'kicker'
  | 'summary'
  | 'section'
  | 'byline'
  | 'source'
  | 'place'
  | 'publishedAt'
  | 'tags'
  | 'slug'
  | 'priority'
  | 'editorNote'
  | 'featuredImage'
  | 'body'
>

/** Tags typed as a comma list (Arabic or Latin commas). */
export function parseTags(text: string): string[] {
  return text
    .split(/[,،]/)
    .map((tag) => tag.trim())
    .filter(Boolean)
}

/** Every metadata field of the article, checked live against the content profile. */
export function MetadataPanel(props: {
  draft: Draft
  article: Article
  settings: Settings
  findings: Finding[]
  onChange: (fields: Partial<Draft>) => void
}) {
  const { words, language, number } = useWords()
  const { draft, settings, findings, onChange } = props
  const rules = rulesFor(settings.contentProfile, draft.section)
  const [tagText, setTagText] = useState(draft.tags.join('، '))
  const when = draft.publishedAt
    ? wallClock(draft.publishedAt, settings.timeZone)
    : { date: '', time: '' }
  // Scheduled or published, the story's one publish time is the schedule's or its publication's.
  const timeFixed = ['scheduled', 'exported', 'corrected'].includes(props.article.state)
  const count = (field: ProfileField) => ({
    value: fieldLength(draft, field),
    max: rules[field].max,
  })
  const text = (field: 'byline' | 'source' | 'place') => (
    <Field label={words[field]} findings={findingsFor(findings, field)} count={count(field)}>
      {({ id, describedBy }) => (
        <input
          id={id}
          dir="auto"
          value={draft[field]}
          aria-describedby={describedBy}
          aria-invalid={findingsFor(findings, field).length > 0}
          onChange={(event) => onChange({ [field]: event.target.value })}
        />
      )}
    </Field>
  )
  const sections =
    settings.sections.includes(draft.section) || !draft.section
      ? settings.sections
      : [...settings.sections, draft.section]
  const setWhen = (date: string, time: string) => {
    if (!date) return onChange({ publishedAt: null })
    const iso = fromWallClock(date, time, settings.timeZone)
    if (iso) onChange({ publishedAt: iso })
  }
  return (
    <form
      className="metadata"
      onSubmit={(event) => event.preventDefault()}
      aria-label={words.metadataTab}
    >
      <Field label={words.section} findings={findingsFor(findings, 'section')}>
        {({ id, describedBy }) => (
          <select
            id={id}
            value={draft.section}
            aria-describedby={describedBy}
            aria-invalid={findingsFor(findings, 'section').length > 0}
            onChange={(event) => onChange({ section: event.target.value })}
          >
            <option value="">{words.noSection}</option>
            {sections.map((section) => (
              <option key={section} value={section}>
                {section}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('byline')}
      {text('source')}
      {text('place')}
      <div className="field-pair">
        <Field
          label={words.publishDate}
          findings={findingsFor(findings, 'publishedAt')}
          hint={
            timeFixed
              ? `${words.publishTimeFixed} — ${zoneName(settings.timeZone, language)}`
              : zoneName(settings.timeZone, language)
          }
        >
          {({ id, describedBy }) => (
            <DateField
              id={id}
              label={words.publishDate}
              value={when.date}
              disabled={timeFixed}
              describedBy={describedBy}
              onChange={(date) => setWhen(date, when.time)}
            />
          )}
        </Field>
        <Field label={words.publishTime}>
          {({ id }) => (
            <TimeField
              id={id}
              label={words.publishTime}
              value={when.time}
              disabled={!when.date || timeFixed}
              onChange={(time) => setWhen(when.date, time)}
            />
          )}
        </Field>
      </div>
      <Field label={words.tags} findings={findingsFor(findings, 'tags')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            dir="auto"
            value={tagText}
            aria-describedby={describedBy}
            onChange={(event) => {
              setTagText(event.target.value)
              onChange({ tags: parseTags(event.target.value) })
            }}
          />
        )}
      </Field>
      <Field label={words.slug}>
        {({ id }) => (
          <input
            id={id}
            dir="auto"
            value={draft.slug}
            onChange={(event) => onChange({ slug: event.target.value })}
          />
        )}
      </Field>
      <Field
        label={words.priority}
        hint={fill(words.priorityHint, { first: number(1), last: number(6) })}
      >
        {({ id, describedBy }) => (
          <select
            id={id}
            value={draft.priority}
            aria-describedby={describedBy}
            onChange={(event) => onChange({ priority: Number(event.target.value) })}
          >
            {[1, 2, 3, 4, 5, 6].map((level) => (
              <option key={level} value={level}>
                {number(level)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={words.editorNote}>
        {({ id }) => (
          <textarea
            id={id}
            dir="auto"
            rows={3}
            value={draft.editorNote}
            onChange={(event) => onChange({ editorNote: event.target.value })}
          />
        )}
      </Field>
      <div className="figures" aria-label={words.readOnly}>
        <span>
          {words.visits}: <output>{props.article.visits}</output>
        </span>
        <span>
          {words.comments}: <output>{props.article.comments}</output>
        </span>
      </div>
    </form>
  )
}
