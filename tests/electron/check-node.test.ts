import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../helpers/tmp'

// `npm start` and `npm run package` first run scripts/check-node.mjs, which says plainly
// which Node.js to install when this one cannot run Electron's tools.

const PROJECT = resolve(__dirname, '../..')
const SCRIPT = join(PROJECT, 'scripts', 'check-node.mjs')

interface Requirements {
  electronVersion: string
  electronRange: string
  projectRange: string
}
type Check = { ok: true } | { ok: false; message: string }
interface ScriptModule {
  readRequirements(root: string): Requirements
  checkNode(options: Requirements & { task: 'start' | 'package'; nodeVersion: string }, semverModule: typeof semver): Check
}

async function loadScript(): Promise<ScriptModule> {
  return (await import(pathToFileURL(SCRIPT).href)) as ScriptModule
}

function runScript(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T
}

/** A project folder with an Electron that asks for Node `electronRange`. */
function fakeProject(root: string, electronRange: string): void {
  const write = (file: string, value: unknown) => {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(value))
  }
  write(join(root, 'package.json'), { name: 'copydesk', engines: { node: '^20.19.0 || >=22.12.0' } })
  write(join(root, 'node_modules/electron/package.json'), { name: 'electron', version: '99.1.0', engines: { node: electronRange } })
}

const REQUIREMENTS: Requirements = { electronVersion: '45.6.1', electronRange: '>= 22.12.0', projectRange: '^20.19.0 || >=22.12.0' }

describe('npm start checks the Node.js version first', () => {
  it('lets Node 22.12 and later through', async () => {
    const { checkNode } = await loadScript()
    for (const nodeVersion of ['22.12.0', '22.20.0', '24.1.0', '26.0.0']) {
      expect(checkNode({ ...REQUIREMENTS, task: 'start', nodeVersion }, semver), nodeVersion).toEqual({ ok: true })
    }
  })

  it('stops an older Node with what to install, and what already works on it', async () => {
    const { checkNode } = await loadScript()
    const result = checkNode({ ...REQUIREMENTS, task: 'start', nodeVersion: '20.20.2' }, semver)
    expect(result.ok).toBe(false)
    const message = !result.ok ? result.message : ''
    expect(message).toContain('npm start needs Node.js 22.12.0 or later; this is Node.js 20.20.2.')
    expect(message).toContain('Electron 45.6.1')
    expect(message).toContain('Install Node.js 22 LTS or later (https://nodejs.org/, or "nvm install 22"), then run "npm start" again.')
    expect(message).toMatch(/enough for the rest \(Node\.js 20\.19\.0 or later\): npm install, npm test, the copydesk command line/)
    expect(checkNode({ ...REQUIREMENTS, task: 'start', nodeVersion: '22.11.0' }, semver).ok).toBe(false)
  })

  it('does not claim the rest works on a Node too old for it', async () => {
    const { checkNode } = await loadScript()
    const result = checkNode({ ...REQUIREMENTS, task: 'start', nodeVersion: '18.20.4' }, semver)
    expect(!result.ok && result.message).not.toMatch(/enough for the rest/)
  })

  it('names npm run package when packaging', async () => {
    const { checkNode } = await loadScript()
    const result = checkNode({ ...REQUIREMENTS, task: 'package', nodeVersion: '20.20.2' }, semver)
    expect(!result.ok && result.message).toMatch(/^npm run package needs Node\.js 22\.12\.0 or later/)
  })

  it('reads what the installed Electron asks for, so the check follows an upgrade', async () => {
    const { readRequirements } = await loadScript()
    const electron = readJson<{ version: string; engines: { node: string } }>(join(PROJECT, 'node_modules/electron/package.json'))
    expect(readRequirements(PROJECT)).toEqual({
      electronVersion: electron.version,
      electronRange: electron.engines.node,
      projectRange: readJson<{ engines: { node: string } }>(join(PROJECT, 'package.json')).engines.node
    })
  })
})

describe('scripts/check-node.mjs as npm runs it', () => {
  const dir = useTempDir()

  it('exits 1 with the message, and no stack trace, when this Node is too old', () => {
    fakeProject(dir(), '>= 99.0.0')
    const r = runScript('start', '--root', dir())
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^npm start needs Node\.js 99\.0\.0 or later; this is Node\.js \d+\.\d+\.\d+\.\nElectron 99\.1\.0/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 0 quietly when this Node is recent enough', () => {
    fakeProject(dir(), `>= ${process.versions.node}`)
    const r = runScript('start', '--root', dir())
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: '' })
  })

  it('says to run npm install when Electron is not installed', () => {
    const r = runScript('package', '--root', dir())
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toBe('Electron is not installed yet. Run "npm install" first.')
  })

  it('refuses an unknown task', () => {
    const r = runScript('deploy')
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/Unknown argument deploy\. Usage:/)
  })

  it('runs before Electron in npm start and npm run package', () => {
    const scripts = readJson<{ scripts: Record<string, string> }>(join(PROJECT, 'package.json')).scripts
    expect(scripts.start).toMatch(/^node scripts\/check-node\.mjs start && /)
    expect(scripts.package).toMatch(/^node scripts\/check-node\.mjs package && /)
  })

})

describe('package.json says honestly which Node.js Copydesk needs', () => {
  // The lowest version of each range package.json's engines accepts.
  const floors = ['20.19.0', '22.12.0']
  // Packages that ask for more, each with why Copydesk still runs on the floors:
  const ALLOWED: Record<string, string> = {
    electron: 'used only by npm start and npm run package, which check-node.mjs guards',
    '@electron/get': 'Electron’s downloader: the same',
    '@electron-internal/extract-zip': 'Electron’s unzipper: the same',
    '@electron/rebuild': 'electron-builder’s native rebuild, which npm run package turns off (npmRebuild: false)',
    '@electron/rebuild/node_modules/node-abi': 'the same',
    // docx 9 pulls nanoid 6, which declares Node 22+; it only calls crypto.getRandomValues,
    // which Node 20 has, and the Word export tests pass on this machine's Node 20.
    'docx/node_modules/nanoid': 'runs on Node 20 (Word export tests)'
  }

  it('accepts every floor for every installed package but the few listed, which npm start and package guard', () => {
    const project = readJson<{ engines: { node: string } }>(join(PROJECT, 'package.json'))
    expect(floors.map((v) => semver.satisfies(v, project.engines.node))).toEqual([true, true])
    expect(semver.satisfies('21.7.0', project.engines.node)).toBe(false)

    const lock = readJson<{ packages: Record<string, { engines?: { node?: string }; optional?: boolean }> }>(join(PROJECT, 'package-lock.json'))
    const asking: string[] = []
    for (const [path, meta] of Object.entries(lock.packages)) {
      const range = meta.engines?.node
      if (!path || !range || meta.optional) continue
      if (!floors.every((v) => semver.satisfies(v, range))) asking.push(path.replace(/^node_modules\//, ''))
    }
    expect(asking.sort()).toEqual(Object.keys(ALLOWED).sort())
  })
})
