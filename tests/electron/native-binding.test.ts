import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { chooseNativeBinding, electronNativeBindingPath, packagedNativeBindingPath } from '../../src/main/electron/native-binding'
import { useTempDir } from '../helpers/tmp'

const PROJECT = resolve(__dirname, '../..')
const SCRIPT = join(PROJECT, 'scripts', 'electron-native.mjs')

interface Plan {
  target: string
  infoFile: string
  info: { electron: string; betterSqlite3: string; platform: string; arch: string }
  attempts: { name: string; command: string; args: string[]; cwd: string }[]
}
interface ScriptModule {
  nativeBindingPath(root: string, electronVersion: string): string
  makePlan(options: { root: string; versions: { electron: string; betterSqlite3: string } }): Plan
  build(
    plan: Plan,
    options: { run: (command: string, args: string[], cwd: string) => Promise<string | null>; log: (line: string) => void; tmpRoot: string }
  ): Promise<{ builtWith: string }>
}

async function loadScript(): Promise<ScriptModule> {
  return (await import(pathToFileURL(SCRIPT).href)) as ScriptModule
}

function runScript(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...process.env, npm_config_node_gyp: '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/** A project folder with Electron, better-sqlite3 (with its Node build) and prebuild-install installed. */
function fakeProject(root: string, versions = { electron: '45.5.0', betterSqlite3: '12.11.1' }): void {
  write(join(root, 'node_modules/electron/package.json'), JSON.stringify({ name: 'electron', version: versions.electron }))
  write(join(root, 'node_modules/better-sqlite3/package.json'), JSON.stringify({ name: 'better-sqlite3', version: versions.betterSqlite3 }))
  write(join(root, 'node_modules/better-sqlite3/src/better_sqlite3.cpp'), '// source')
  write(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'built for node')
  write(join(root, 'node_modules/prebuild-install/package.json'), JSON.stringify({ name: 'prebuild-install', version: '7.1.3' }))
  write(join(root, 'node_modules/prebuild-install/bin.js'), '')
}

describe('the app finds better-sqlite3 built for Electron', () => {
  it('looks in the project’s cache folder, by Electron version', () => {
    expect(electronNativeBindingPath('/src/copydesk', '45.5.0')).toBe(
      join('/src/copydesk', 'node_modules', '.cache', 'copydesk-electron', '45.5.0', 'better_sqlite3.node')
    )
  })

  it('uses the cached build when it is there, and says how to make it when it is not', () => {
    const file = electronNativeBindingPath('/src/copydesk', '45.5.0')
    const options = { isPackaged: false, projectRoot: '/src/copydesk', resourcesPath: '/nowhere', electronVersion: '45.5.0' }
    expect(chooseNativeBinding({ ...options, exists: (f) => f === file })).toEqual({ ok: true, nativeBinding: file })
    const missing = chooseNativeBinding({ ...options, exists: () => false })
    expect(missing.ok).toBe(false)
    expect(!missing.ok && missing.message).toMatch(/Electron 45\.5\.0.*npm start/s)
  })

  it('uses the build the packaged app carries in its resources folder, and says to reinstall when it is missing', () => {
    const resourcesPath = '/opt/Copydesk/resources'
    const file = join(resourcesPath, 'native', 'better_sqlite3.node')
    expect(packagedNativeBindingPath(resourcesPath)).toBe(file)
    const options = { isPackaged: true, projectRoot: '/opt/Copydesk/resources/app.asar', resourcesPath, electronVersion: '45.6.1' }
    expect(chooseNativeBinding({ ...options, exists: (f) => f === file })).toEqual({ ok: true, nativeBinding: file })
    const missing = chooseNativeBinding({ ...options, exists: () => false })
    expect(!missing.ok && missing.message).toMatch(/incomplete.*Install Copydesk again/s)
  })
})

describe('scripts/electron-native.mjs', () => {
  const dir = useTempDir()

  it('plans, for this project, a prebuilt download first and a compile second, into the folder the app reads', () => {
    const r = runScript('--dry-run', '--json')
    expect(r.status, r.stderr).toBe(0)
    const plan = JSON.parse(r.stdout) as Plan & { upToDate: boolean }
    const electron = JSON.parse(readFileSync(join(PROJECT, 'node_modules/electron/package.json'), 'utf8')).version as string
    expect(plan.target).toBe(electronNativeBindingPath(PROJECT, electron))
    expect(plan.attempts.map((a) => a.name)).toEqual(['prebuild-install', 'node-gyp'])
    expect(plan.attempts[0].args).toEqual(expect.arrayContaining(['--runtime', 'electron', '--target', electron]))
    expect(plan.attempts[1].args).toEqual(
      expect.arrayContaining(['rebuild', '--runtime=electron', `--target=${electron}`, '--dist-url=https://electronjs.org/headers'])
    )
  })

  it('agrees with the app on where the build goes', async () => {
    const script = await loadScript()
    expect(script.nativeBindingPath('/src/copydesk', '45.5.0')).toBe(electronNativeBindingPath('/src/copydesk', '45.5.0'))
  })

  it('prints the plan in words with --dry-run and builds nothing', () => {
    fakeProject(dir())
    const r = runScript('--dry-run', '--root', dir())
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('Electron 45.5.0, better-sqlite3 12.11.1')
    expect(r.stdout).toContain('Download a prebuilt binary for Electron')
    expect(r.stdout).toContain('If that fails, compile from source against Electron headers')
    expect(existsSync(join(dir(), 'node_modules/.cache'))).toBe(false)
  })

  it('does nothing when the build for this Electron and better-sqlite3 is already there', () => {
    fakeProject(dir())
    const target = electronNativeBindingPath(dir(), '45.5.0')
    write(target, 'built for electron')
    write(
      join(dirname(target), 'build-info.json'),
      JSON.stringify({ electron: '45.5.0', betterSqlite3: '12.11.1', platform: process.platform, arch: process.arch })
    )
    const r = runScript('--root', dir())
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/better-sqlite3 for Electron 45\.5\.0 is ready/)
    expect(readFileSync(target, 'utf8')).toBe('built for electron')
  })

  it('rebuilds when better-sqlite3 was upgraded since the cached build', () => {
    fakeProject(dir())
    const target = electronNativeBindingPath(dir(), '45.5.0')
    write(target, 'old build')
    write(
      join(dirname(target), 'build-info.json'),
      JSON.stringify({ electron: '45.5.0', betterSqlite3: '11.0.0', platform: process.platform, arch: process.arch })
    )
    const r = runScript('--dry-run', '--json', '--root', dir())
    expect((JSON.parse(r.stdout) as { upToDate: boolean }).upToDate).toBe(false)
  })

  it('says what to install when Electron is missing, without a stack trace', () => {
    const r = runScript('--root', dir())
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toMatch(/^electron is not installed .*Run "npm install" first\.$/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('falls back to compiling when no prebuilt binary exists, in a copy, leaving Node’s build alone', async () => {
    fakeProject(dir())
    const script = await loadScript()
    const plan = script.makePlan({ root: dir(), versions: { electron: '45.5.0', betterSqlite3: '12.11.1' } })
    const seen: { name: string; cwd: string; hadBuildDir: boolean }[] = []
    const scratch = join(dir(), 'scratch')
    mkdirSync(scratch)
    const result = await script.build(plan, {
      tmpRoot: scratch,
      log: () => {},
      run: async (_command, args, cwd) => {
        const name = args.includes('rebuild') ? 'node-gyp' : 'prebuild-install'
        seen.push({ name, cwd, hadBuildDir: existsSync(join(cwd, 'build')) })
        if (name === 'prebuild-install') return 'exited with code 1'
        write(join(cwd, 'build/Release/better_sqlite3.node'), 'built for electron')
        return null
      }
    })

    expect(result).toEqual({ builtWith: 'node-gyp' })
    expect(seen.map((s) => s.name)).toEqual(['prebuild-install', 'node-gyp'])
    expect(seen.every((s) => !s.hadBuildDir && s.cwd.startsWith(scratch))).toBe(true)
    expect(readFileSync(plan.target, 'utf8')).toBe('built for electron')
    expect(JSON.parse(readFileSync(plan.infoFile, 'utf8'))).toMatchObject({ electron: '45.5.0', betterSqlite3: '12.11.1', builtWith: 'node-gyp' })
    expect(readFileSync(join(dir(), 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe('built for node')
    expect(readdirSync(scratch)).toEqual([])
  })

  it('explains each failure and what a compile needs when nothing works', async () => {
    fakeProject(dir())
    const script = await loadScript()
    const plan = script.makePlan({ root: dir(), versions: { electron: '45.5.0', betterSqlite3: '12.11.1' } })
    const failure = script.build(plan, { tmpRoot: tmpdir(), log: () => {}, run: async (command) => `${command} was not found` })
    await expect(failure).rejects.toThrow(/could not build better-sqlite3 for Electron 45\.5\.0/)
    await expect(failure).rejects.toThrow(/prebuild-install.*\n.*node-gyp/)
    await expect(failure).rejects.toThrow(/C\+\+20 compiler/)
    expect(existsSync(plan.target)).toBe(false)
  })
})
