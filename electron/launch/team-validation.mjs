// The team server's validate_doc_update, run as CouchDB runs it: every design document's
// function on every document written (PUT, POST, _bulk_docs), with the stored document as
// `oldDoc`. A refused document answers 403 `forbidden` with its reason; in a _bulk_docs the
// whole request is refused, so a bad client's batch never lands in part. Test server only:
// it runs the functions the database holds, as CouchDB does.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const bodyParser = require('body-parser')

/** An express middleware validating the documents of write requests against `Pouch`'s dbs. */
export function validateWrites(Pouch) {
  const parse = bodyParser.json({ limit: '100mb', type: () => true })
  return (req, res, next) => {
    const target = writeTarget(req)
    if (!target) return next()
    parse(req, res, async (error) => {
      if (error) return next(error)
      try {
        const docs = target.docs(req.body ?? {})
        const db = new Pouch(target.db)
        const validators = await validatorsOf(db)
        for (const doc of docs) {
          if (!doc || typeof doc !== 'object' || String(doc._id ?? '').startsWith('_local/'))
            continue
          const old = doc._id ? await db.get(doc._id).catch(() => null) : null
          // A revision the database holds already is no write (replication sends it again).
          if (
            doc._rev &&
            old &&
            (await db.get(doc._id, { rev: doc._rev }).then(
              () => true,
              () => false,
            ))
          )
            continue
          for (const validate of validators)
            validate({ ...doc }, old, { db: target.db, name: null, roles: ['_admin'] }, {})
        }
        next()
      } catch (refusal) {
        if (
          refusal &&
          typeof refusal === 'object' &&
          ('forbidden' in refusal || 'unauthorized' in refusal)
        ) {
          const kind = 'forbidden' in refusal ? 'forbidden' : 'unauthorized'
          res
            .status(kind === 'forbidden' ? 403 : 401)
            .json({ error: kind, reason: String(refusal[kind]) })
          return
        }
        next(refusal)
      }
    })
  }
}

/** The database and documents a request writes, or null for anything else. */
function writeTarget(req) {
  const parts = req.path.split('/').filter(Boolean).map(decodeURIComponent)
  const [db, first, ...rest] = parts
  if (!db || db.startsWith('_')) return null
  if (req.method === 'POST' && parts.length === 1) return { db, docs: (body) => [body] }
  if (req.method === 'POST' && first === '_bulk_docs')
    return { db, docs: (body) => body.docs ?? [] }
  if (req.method !== 'PUT' || !first || first === '_local') return null
  // PUT /db/docid or /db/_design/name (attachments, /db/docid/file, are not validated here).
  if (first === '_design' && rest.length === 1)
    return { db, docs: (body) => [{ ...body, _id: `_design/${rest[0]}` }] }
  if (rest.length === 0 && !first.startsWith('_'))
    return { db, docs: (body) => [{ ...body, _id: first }] }
  return null
}

async function validatorsOf(db) {
  const found = await db.allDocs({ startkey: '_design/', endkey: '_design0', include_docs: true })
  return found.rows
    .map((row) => row.doc?.validate_doc_update)
    .filter((source) => typeof source === 'string')
    .map((source) => new Function(`return (${source})`)())
}
