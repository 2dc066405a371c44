import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { packagingConfig } from './src/main/electron/packaging'

// `npm run package` (electron-builder): see src/main/electron/packaging.ts and docs/electron-security.md.
const projectRoot = resolve(__dirname)
const electronVersion = (JSON.parse(readFileSync(resolve(projectRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version

export default packagingConfig({ projectRoot, electronVersion })
