import type { LibraryImage } from '../../shared/article.js'
import { fileToBase64 } from '../api/files.js'
import { useWords } from './words.js'
import { describeError } from './describe-error.js'
import { useDesk } from './desk-context.js'

/** The featured image: copied into the library when chosen, with its caption and alt text. */
export function FeaturedImage(props: {
  articleId: string
  image: LibraryImage | null
  onError: (message: string) => void
  onChange: (image: LibraryImage | null) => void
}) {
  const { words } = useWords()
  const { desk, mediaUrl } = useDesk()
  const { image, onChange } = props
  const choose = async (file: File | undefined) => {
    if (!file) return
    const result = await desk.media.add({
      articleId: props.articleId,
      fileName: file.name,
      base64: await fileToBase64(file),
    })
    if (!result.ok) return props.onError(describeError(words, result.error))
    onChange({ file: result.value.file, caption: image?.caption ?? '', alt: image?.alt ?? '' })
  }
  return (
    <fieldset className="featured-image">
      <legend>{words.featuredImage}</legend>
      {image && <img src={mediaUrl(props.articleId, image.file)} alt={image.alt} />}
      <div className="dialog-row">
        <label className="button">
          {image ? words.replaceImage : words.chooseImage}
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            className="visually-hidden"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </label>
        {image && (
          <button type="button" onClick={() => onChange(null)}>
            {words.removeImage}
          </button>
        )}
      </div>
      {image && (
        <>
          <label className="field">
            <span>{words.caption}</span>
            <input
              dir="auto"
              value={image.caption}
              onChange={(event) => onChange({ ...image, caption: event.target.value })}
            />
          </label>
          <label className="field">
            <span>{words.altText}</span>
            <input
              dir="auto"
              value={image.alt}
              onChange={(event) => onChange({ ...image, alt: event.target.value })}
            />
          </label>
        </>
      )}
    </fieldset>
  )
}
