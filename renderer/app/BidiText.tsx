import { Fragment } from 'react'
import { bidiPieces, hasLatinRun } from '../../shared/bidi.js'

/**
 * Article text as written, each Latin run in it (`"OPEC+"`, `(CNN)`, `12%`, an address)
 * isolated left to right with its own signs (shared/bidi.ts), so the Arabic around it does not
 * pull them to the other side. Nothing is added to the text.
 */
export function BidiText(props: { text: string }) {
  if (!hasLatinRun(props.text)) return <>{props.text}</>
  return (
    <>
      {bidiPieces(props.text).map((piece, index) =>
        piece.isolate ? (
          <bdi key={index} dir="ltr">
            {piece.text}
          </bdi>
        ) : (
          <Fragment key={index}>{piece.text}</Fragment>
        ),
      )}
    </>
  )
}
