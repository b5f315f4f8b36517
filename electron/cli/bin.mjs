#!/usr/bin/env node
// The `midad` command of an installed package: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api'

register()
await import('./midad.ts')
