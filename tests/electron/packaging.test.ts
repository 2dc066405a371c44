import { listPackage, extractFile } from '@electron/asar'
import { FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses'
import { Arch, build, Platform } from 'electron-builder'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import builderConfig from '../../electron-builder.config'
import { ELECTRON_FUSES } from '../../src/main/electron/fuses'
import { electronNativeBindingPath } from '../../src/main/electron/native-binding'
import { packagingConfig } from '../../src/main/electron/packaging'
import { useTempDir } from '../helpers/tmp'

// `npm run package` needs the real Electron binary, which cannot be downloaded here. These
// tests run the real packager (electron-builder) and the real fuse flipper (@electron/fuses)
// on a stand-in binary: a file holding only the fuse wire Electron carries. They show what
// the package step does to the files; they do not show that the packaged app runs.

const PROJECT = resolve(__dirname, '../..')
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(PROJECT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version

/** The marker @electron/fuses looks for, and Electron's default wire (build/fuses/fuses.json5 in electron/electron). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// run_as_node 1, cookie_encryption 0, node_options 1, node_cli_inspect 1,
// embedded_asar_integrity_validation 0, only_load_app_from_asar 0,
// load_browser_process_specific_v8_snapshot 0, grant_file_protocol_extra_privileges 1,
// wasm_trap_handlers 1 (added after @electron/fuses 1.8 was written, so left as Electron ships it).
const ELECTRON_DEFAULT_WIRE = '101100011'

/** A file that looks like an Electron binary to @electron/fuses: some bytes, the sentinel, version 1, the wire. */
function standInElectron(file: string): void {
  const wire = Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1')
  writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF stand-in for Electron '), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.from(' end')]))
  chmodSync(file, 0o755)
}

/** The wire of `file` as '0'/'1' characters, read by @electron/fuses. */
async function wireOf(file: string): Promise<string> {
  const config = await getCurrentFuseWire(file)
  return Array.from({ length: ELECTRON_DEFAULT_WIRE.length }, (_, i) => String.fromCharCode(Number(config[i as FuseV1Options]))).join('')
}

describe('the packaged app’s fuses', () => {
  const dir = useTempDir()

  it('are exactly the checklist’s, every fuse @electron/fuses knows set explicitly', () => {
    const byName = Object.fromEntries(
      Object.entries(ELECTRON_FUSES)
        .filter(([key]) => key !== 'version')
        .map(([key, value]) => [FuseV1Options[Number(key)], value])
    )
    expect(byName).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false
    })
    expect(ELECTRON_FUSES.version).toBe('1')
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number')
    expect(Object.keys(byName)).toHaveLength(known.length)
  })

  it('flip the bytes of Electron’s wire as intended', async () => {
    const binary = join(dir(), 'electron')
    standInElectron(binary)
    expect(await wireOf(binary)).toBe(ELECTRON_DEFAULT_WIRE)
    await flipFuses(binary, ELECTRON_FUSES)
    expect(await wireOf(binary)).toBe('010011001')
  })
})

describe('npm run package', () => {
  const dir = useTempDir()

  it('reads the project’s configuration: the installed Electron, the cached database module, the fuses', () => {
    expect(builderConfig).toMatchObject({
      productName: 'Copydesk',
      electronVersion: ELECTRON_VERSION,
      asar: true,
      npmRebuild: false,
      extraResources: [{ from: electronNativeBindingPath(PROJECT, ELECTRON_VERSION), to: 'native/better_sqlite3.node' }]
    })
    expect(builderConfig.electronDist).toBeUndefined()
    expect(builderConfig.electronFuses).toBeUndefined()
  })

  it('packs the built app into app.asar, the database module beside it, and flips the fuses', async () => {
    if (!existsSync(join(PROJECT, 'out/main/index.js'))) throw new Error('out/ is missing: run "npx electron-vite build" first')
    const electronDist = join(dir(), 'electron-dist')
    mkdirSync(join(electronDist, 'resources'), { recursive: true })
    standInElectron(join(electronDist, 'electron'))
    writeFileSync(join(electronDist, 'version'), ELECTRON_VERSION)
    const nativeBinding = join(dir(), 'better_sqlite3.node')
    writeFileSync(nativeBinding, 'stand-in for the Electron build of better-sqlite3')

    const project = packagingConfig({ projectRoot: PROJECT, electronVersion: ELECTRON_VERSION, nativeBinding, electronDist })
    const config = { ...project, directories: { ...project.directories, output: join(dir(), 'dist') } }
    await build({ projectDir: PROJECT, targets: Platform.LINUX.createTarget('dir', Arch.x64), config, publish: 'never' })

    const app = join(dir(), 'dist', 'linux-unpacked')
    expect(await wireOf(join(app, 'copydesk'))).toBe('010011001')
    expect(readFileSync(join(app, 'resources', 'native', 'better_sqlite3.node'), 'utf8')).toBe('stand-in for the Electron build of better-sqlite3')
    expect(readdirSync(join(app, 'resources')).sort()).toEqual(['app.asar', 'native'])

    const asar = join(app, 'resources', 'app.asar')
    const files = new Set(listPackage(asar, { isPack: false }).map((f) => f.split(/[\\/]/).join('/')))
    for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/node_modules/better-sqlite3/lib/index.js']) {
      expect(files.has(file), file).toBe(true)
    }
    for (const left of ['/out/main/cli.js', '/node_modules/playwright-core', '/node_modules/better-sqlite3/build', '/node_modules/electron', '/node_modules/vitest', '/src', '/tests']) {
      expect(files.has(left), left).toBe(false)
    }
    expect(JSON.parse(extractFile(asar, 'package.json').toString('utf8')).main).toBe('out/main/index.js')

    // Every module the built main process requires is in the package (nothing excluded that it needs).
    const mainFiles = [...files].filter((f) => /^\/out\/main\/.*\.js$/.test(f))
    const required = new Set<string>()
    for (const file of mainFiles) {
      const code = extractFile(asar, file.slice(1)).toString('utf8')
      for (const m of code.matchAll(/\brequire\("([^"./][^"]*)"\)/g)) required.add(m[1])
    }
    const external = [...required].filter((name) => name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name))
    expect(external.length).toBeGreaterThan(5)
    for (const name of external) {
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]
      expect(files.has(`/node_modules/${pkg}/package.json`), name).toBe(true)
    }
  }, 120_000)
})
