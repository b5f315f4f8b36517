// `npm run team-server -- [--port N] [--data DIR]`: a CouchDB-compatible server on 127.0.0.1
// for tests and trials (express-pouchdb, the engine of pouchdb-server). In memory unless
// --data names a folder. A newsroom runs the real CouchDB 3 instead (README, Team desks).
// It prints one line, `Midad team server: http://127.0.0.1:PORT/`, once it listens.
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import { parseArgs } from 'node:util'
import { validateWrites } from './team-validation.mjs'

const require = createRequire(import.meta.url)

const usage = 'usage: npm run team-server -- [--port N] [--data DIR]'
let values
try {
  ;({ values } = parseArgs({
    args: process.argv.slice(2),
    options: { port: { type: 'string' }, data: { type: 'string' }, help: { type: 'boolean' } },
  }))
} catch (error) {
  process.stderr.write(`${error.message}\n${usage}\n`)
  process.exit(2)
}
if (values.help) {
  process.stdout.write(`${usage}\n`)
  process.exit(0)
}
const port = values.port === undefined ? 0 : Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port ${values.port} is not a port\n${usage}\n`)
  process.exit(2)
}

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'))
let ServerPouch
// Its own files (config, log) go beside the data, or to a temporary folder: never into the
// folder the command was started from.
let ownFiles
if (values.data) {
  const data = resolve(values.data)
  mkdirSync(data, { recursive: true })
  PouchDB.plugin(require('pouchdb-adapter-leveldb'))
  ServerPouch = PouchDB.defaults({ prefix: `${data}/` })
  ownFiles = data
} else {
  PouchDB.plugin(require('pouchdb-adapter-memory'))
  ServerPouch = PouchDB.defaults({ adapter: 'memory' })
  ownFiles = join(tmpdir(), `midad-team-server-${process.pid}`)
  mkdirSync(ownFiles, { recursive: true })
}

const pouchApp = require('express-pouchdb')(ServerPouch, {
  mode: 'fullCouchDB',
  // Fauxton's pages and the replicator daemon are not what a test server is for. Its own
  // validation (pouchdb-validation 4.2) replaces a replicated document's `_revisions` with
  // the old one's, so a revision written with new_edits=false is silently lost: documents
  // are validated here instead (validation.mjs), as CouchDB does, before they reach it.
  overrideMode: { exclude: ['routes/fauxton', 'replicator', 'routes/replicate', 'validation'] },
  configPath: join(ownFiles, 'config.json'),
  logPath: join(ownFiles, 'log.txt'),
  inMemoryConfig: !values.data,
})

const app = require('express')()
app.use(validateWrites(ServerPouch))
app.use(pouchApp)

const server = app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Midad team server: http://127.0.0.1:${server.address().port}/\n`)
})
server.on('error', (error) => {
  process.stderr.write(`the team server cannot listen: ${error.message}\n`)
  process.exit(1)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0))
