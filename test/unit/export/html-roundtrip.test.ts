import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../shared/settings.js'
import { articleHtmlPage } from '../../../electron/core/export/html-page.js'
import { importHtml } from '../../../electron/core/import/import-html.js'
import { bodyLines, carriedFields, hostileArticles } from './corpus.js'

const settings = { ...defaultSettings, siteAddress: 'https://news.example' }

describe('HTML: a page Midad exported comes back as the article it was', () => {
  it('with its fields (JSON-LD and the page’s parts) and its paragraphs, code point for code point', async () => {
    for (const article of hostileArticles()) {
      const draft = importHtml(await articleHtmlPage(article, settings))
      expect(draft.fields, article.headline).toMatchObject(carriedFields(article))
      expect(bodyLines(draft.fields.body!), article.headline).toEqual(bodyLines(article.body))
    }
  })
})
