#!/usr/bin/env node
// The `midad` command: the CLI run from one bundle (see electron/launch/bundled.mjs), so each
// call costs little more than starting node.
import { runBundled } from '../launch/bundled.mjs'

await runBundled('cli', 'electron/cli/midad.ts')
