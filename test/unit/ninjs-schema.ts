import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { fixtureFolder } from './fixtures.js'

/** The IPTC NINJS 2.2 schema (../shared/fixtures/ninjs), compiled with its formats checked. */
export function ninjsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  // The schema's one remote $ref (GeoJSON) is stubbed: tests never reach the network.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' })
  const schema = JSON.parse(
    readFileSync(join(fixtureFolder, '..', 'ninjs', 'ninjs-schema_2.2.json'), 'utf8'),
  )
  return ajv.compile(schema)
}
