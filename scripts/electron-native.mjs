#!/usr/bin/env node
// Makes sure a better_sqlite3.node built for the installed Electron exists in
// node_modules/.cache/copydesk-electron/<electron-version>/ (run by `npm start` and `npm run dev`).
//
// `npm install` builds better-sqlite3 for Node, which the tests and the command line use.
// Electron has its own ABI, so the app loads a second build from the cache folder (passed to
// better-sqlite3 as `nativeBinding`). This script builds that copy in a temporary folder:
// a prebuilt binary through prebuild-install first, compiling with node-gyp second. It never
// touches node_modules/better-sqlite3/build, so `npm test` keeps working.
//
// Usage: node scripts/electron-native.mjs [--dry-run] [--json] [--force] [--root <project>]
//   --dry-run  print what would be done and do nothing
//   --json     with --dry-run: print the plan as JSON
//   --force    rebuild even when the cached build is up to date
//   --root     the project folder (default: the folder above this script)

import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const SOURCE_PLACEHOLDER = '<temporary folder>'

/** Where the Electron build of better_sqlite3.node lives (the app uses the same rule: src/main/electron/native-binding.ts). */
export function nativeBindingPath(root, electronVersion) {
  return join(root, 'node_modules', '.cache', 'copydesk-electron', electronVersion, 'better_sqlite3.node')
}

/** A mistake the user can fix; printed as a message, never as a stack trace. */
export class SetupError extends Error {}

function versionOf(root, name, hint) {
  const file = join(root, 'node_modules', name, 'package.json')
  if (!existsSync(file)) throw new SetupError(`${name} is not installed (${file} is missing). ${hint}`)
  return JSON.parse(readFileSync(file, 'utf8')).version
}

/** The installed Electron and better-sqlite3 versions of the project at `root`. */
export function readVersions(root) {
  return {
    electron: versionOf(root, 'electron', 'Run "npm install" first.'),
    betterSqlite3: versionOf(root, 'better-sqlite3', 'Run "npm install" first.')
  }
}

function findPrebuildInstall(root) {
  try {
    return createRequire(join(root, 'node_modules', 'better-sqlite3', 'package.json')).resolve('prebuild-install/bin.js')
  } catch {
    return undefined
  }
}

/** node-gyp as npm runs it: the one npm names, else the one bundled with npm, else the PATH's. */
function findNodeGyp(env, execPath) {
  const nodeDir = dirname(execPath)
  const candidates = [
    env.npm_config_node_gyp,
    join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  ]
  const script = candidates.find((c) => c && existsSync(c))
  return script ? { command: execPath, args: [script] } : { command: 'node-gyp', args: [] }
}

/**
 * Everything the build will do, computed without doing it: what `--dry-run` prints and what
 * `build` runs. `workDir` is the temporary copy of better-sqlite3 (a placeholder in a dry run).
 */
export function makePlan({ root, versions, platform = process.platform, arch = process.arch, env = process.env, execPath = process.execPath, workDir = SOURCE_PLACEHOLDER }) {
  const target = nativeBindingPath(root, versions.electron)
  const info = { electron: versions.electron, betterSqlite3: versions.betterSqlite3, platform, arch }
  const prebuildInstall = findPrebuildInstall(root)
  const nodeGyp = findNodeGyp(env, execPath)
  const attempts = []
  if (prebuildInstall) {
    attempts.push({
      name: 'prebuild-install',
      what: 'download a prebuilt binary for Electron',
      command: execPath,
      args: [prebuildInstall, '--runtime', 'electron', '--target', versions.electron, '--arch', arch, '--platform', platform],
      cwd: workDir
    })
  }
  attempts.push({
    name: 'node-gyp',
    what: 'compile from source against Electron headers',
    command: nodeGyp.command,
    args: [
      ...nodeGyp.args,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${versions.electron}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers'
    ],
    cwd: workDir
  })
  return {
    root,
    source: join(root, 'node_modules', 'better-sqlite3'),
    workDir,
    built: join(workDir, 'build', 'Release', 'better_sqlite3.node'),
    target,
    infoFile: join(dirname(target), 'build-info.json'),
    info,
    attempts
  }
}

/** True when the cached build exists and was made for these versions, platform and arch. */
export function isUpToDate(plan) {
  if (!existsSync(plan.target) || !existsSync(plan.infoFile)) return false
  try {
    const saved = JSON.parse(readFileSync(plan.infoFile, 'utf8'))
    return Object.entries(plan.info).every(([key, value]) => saved[key] === value)
  } catch {
    return false
  }
}

/** The plan as a person reads it (the dry run's output). */
export function describePlan(plan, upToDate) {
  const lines = [`Electron ${plan.info.electron}, better-sqlite3 ${plan.info.betterSqlite3}, ${plan.info.platform}-${plan.info.arch}`]
  lines.push(`Target: ${plan.target}`)
  if (upToDate) {
    lines.push('Up to date: nothing to do.')
    return lines.join('\n')
  }
  lines.push(`1. Copy ${plan.source} (without build/) to ${plan.workDir}`)
  plan.attempts.forEach((a, i) => {
    const what = i ? `If that fails, ${a.what}` : a.what[0].toUpperCase() + a.what.slice(1)
    lines.push(`${i + 2}. ${what}: ${[a.command, ...a.args].join(' ')}`)
  })
  lines.push(`${plan.attempts.length + 2}. Copy ${plan.built} to ${plan.target}`)
  return lines.join('\n')
}

function failureMessage(plan, failures) {
  return [
    `Copydesk could not build better-sqlite3 for Electron ${plan.info.electron}.`,
    ...failures.map((f) => `  - ${f}`),
    'Compiling needs Python 3 and a C++20 compiler:',
    '  Debian/Ubuntu: sudo apt-get install build-essential python3',
    '  macOS:         xcode-select --install',
    '  Windows:       Visual Studio Build Tools, workload "Desktop development with C++"',
    'and network access to github.com (prebuilt binaries) or electronjs.org (Electron headers).',
    'Then run "npm start" again. "npm test" and the copydesk command line do not need this build.'
  ].join('\n')
}

/** Runs a command with its output shown; resolves to a failure description or null. */
export function runCommand(command, args, cwd) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' && !command.endsWith('.exe') })
    child.on('error', (err) => done(err.code === 'ENOENT' ? `${command} was not found` : err.message))
    child.on('close', (code, signal) => done(code === 0 ? null : `exited with ${signal ?? `code ${code}`}`))
  })
}

/**
 * Builds better_sqlite3.node for Electron in a temporary copy and installs it at
 * `plan.target`. `run(command, args, cwd)` resolves to null on success or a failure text.
 * Throws a SetupError naming each attempt's failure when none succeeds.
 */
export async function build(plan, { run = runCommand, log = console.log, tmpRoot = tmpdir() } = {}) {
  const scratch = mkdtempSync(join(tmpRoot, 'copydesk-electron-'))
  const workDir = join(scratch, 'better-sqlite3')
  const live = makePlanFrom(plan, workDir)
  try {
    log(`Copydesk: building better-sqlite3 ${plan.info.betterSqlite3} for Electron ${plan.info.electron} (once per Electron version)`)
    log(`  copying ${relative(plan.root, plan.source) || plan.source} to ${workDir}`)
    cpSync(plan.source, workDir, {
      recursive: true,
      filter: (src) => {
        const rel = relative(plan.source, src)
        return rel !== 'build' && rel !== 'node_modules'
      }
    })
    const failures = []
    let used
    for (const attempt of live.attempts) {
      log(`  trying to ${attempt.what} (${attempt.name})…`)
      const failure = await run(attempt.command, attempt.args, attempt.cwd)
      if (!failure && existsSync(live.built)) {
        used = attempt.name
        break
      }
      failures.push(`${attempt.what} (${attempt.name}): ${failure ?? `it finished but ${live.built} is missing`}`)
      if (existsSync(join(workDir, 'build'))) rmSync(join(workDir, 'build'), { recursive: true, force: true })
    }
    if (!used) throw new SetupError(failureMessage(plan, failures))
    mkdirSync(dirname(plan.target), { recursive: true })
    const partial = `${plan.target}.partial`
    copyFileSync(live.built, partial)
    renameSync(partial, plan.target)
    writeFileSync(plan.infoFile, JSON.stringify({ ...plan.info, builtWith: used, builtAt: new Date().toISOString() }, null, 2) + '\n')
    log(`Copydesk: better-sqlite3 for Electron ${plan.info.electron} is ready (${plan.target}).`)
    return { builtWith: used }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function makePlanFrom(plan, workDir) {
  const swap = (s) => (s === plan.workDir ? workDir : s)
  return {
    ...plan,
    workDir,
    built: join(workDir, 'build', 'Release', 'better_sqlite3.node'),
    attempts: plan.attempts.map((a) => ({ ...a, cwd: swap(a.cwd) }))
  }
}

function parseArgs(argv) {
  const options = { dryRun: false, json: false, force: false, root: resolve(dirname(fileURLToPath(import.meta.url)), '..') }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--json') options.json = true
    else if (arg === '--force') options.force = true
    else if (arg === '--root' && argv[i + 1]) options.root = resolve(argv[++i])
    else throw new SetupError(`Unknown option ${arg}. Usage: node scripts/electron-native.mjs [--dry-run] [--json] [--force] [--root <project>]`)
  }
  return options
}

/** The command line; returns the exit code. */
export async function main(argv, { log = console.log, error = console.error } = {}) {
  try {
    const options = parseArgs(argv)
    const plan = makePlan({ root: options.root, versions: readVersions(options.root) })
    const upToDate = !options.force && isUpToDate(plan)
    if (options.dryRun) {
      log(options.json ? JSON.stringify({ ...plan, upToDate }, null, 2) : describePlan(plan, upToDate))
      return 0
    }
    if (upToDate) {
      log(`Copydesk: better-sqlite3 for Electron ${plan.info.electron} is ready (${relative(options.root, plan.target)}).`)
      return 0
    }
    await build(plan, { log })
    return 0
  } catch (err) {
    error(err instanceof SetupError ? err.message : `Copydesk could not prepare better-sqlite3 for Electron: ${err?.stack ?? err}`)
    return 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2))
}
