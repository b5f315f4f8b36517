import Quill from 'quill'
import type { Delta as QuillDelta } from 'quill'
import ImageFormat from 'quill/formats/image'

/** Formats the editor keeps; anything else (pasted fonts, colours, sizes…) is dropped. */
export const editorFormats = [
  'bold',
  'italic',
  'underline',
  'link',
  'header',
  'blockquote',
  'list',
  'direction',
  'align',
  'image',
  // Drawing only: Latin runs isolated inside right-to-left text (latin-runs.ts), never saved.
  'latin',
]

// Library images are stored in the Delta by file name; the URL to show them is the host's.
let resolveMedia: (file: string) => string = () => ''

/** Sets how library images are addressed for the article being edited. */
export function setMediaResolver(resolver: (file: string) => string): void {
  resolveMedia = resolver
}

/** An image of the library: its Delta value is the file name, never a URL with a token. */
class LibraryImage extends ImageFormat {
  static override blotName = 'image'
  static override tagName = 'IMG'

  static override create(file: string): Element {
    const node = document.createElement('img')
    node.dataset.file = file
    node.setAttribute('src', resolveMedia(file))
    return node
  }

  static override value(node: Element): string {
    return (node as HTMLElement).dataset.file ?? ''
  }

  static override formats(node: Element): Record<string, string | null> {
    const formats: Record<string, string | null> = {}
    const alt = node.getAttribute('alt')
    const caption = (node as HTMLElement).dataset.caption
    if (alt) formats.alt = alt
    if (caption) formats.caption = caption
    return formats
  }

  override format(name: string, value: string): void {
    if (name === 'alt') {
      if (value) this.domNode.setAttribute('alt', value)
      else this.domNode.removeAttribute('alt')
    } else if (name === 'caption') {
      if (value) {
        this.domNode.dataset.caption = value
        this.domNode.title = value
      } else {
        delete this.domNode.dataset.caption
        this.domNode.removeAttribute('title')
      }
    } else super.format(name, value)
  }
}

Quill.register(LibraryImage, true)

const Delta = Quill.import('delta') as typeof QuillDelta

/**
 * Creates the editor on an element: no Quill toolbar (ours is React, with Arabic labels), no
 * default key bindings for formats (ours match physical keys), pasted images dropped.
 */
export function createEditor(element: HTMLElement, placeholder: string): Quill {
  const quill = new Quill(element, {
    formats: editorFormats,
    placeholder,
    modules: {
      toolbar: false,
      history: { delay: 800, maxStack: 500, userOnly: true },
      keyboard: {
        bindings: {
          bold: null,
          italic: null,
          underline: null,
          // Tab and Shift+Tab leave the body for the next and previous control (the editor has
          // no indent format, and a tab character has no place in a news article).
          indent: null,
          outdent: null,
          'indent code-block': null,
          'outdent code-block': null,
          'remove tab': null,
          tab: null,
          'table tab': null,
        },
      },
      clipboard: {
        matchers: [
          // Pasted or remote images never enter the article; library images are inserted.
          ['IMG', () => new Delta()],
          ['SCRIPT', () => new Delta()],
          ['STYLE', () => new Delta()],
        ],
      },
    },
  })
  // The desk's own spellchecker marks misspellings (use-spelling.ts); the browser's would
  // mark them twice, in its own words and (in Chromium) with dictionaries it downloads.
  quill.root.spellcheck = false
  return quill
}

export { Delta, Quill }
