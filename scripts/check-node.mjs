#!/usr/bin/env node
// Checks that this Node.js can run Electron's tools before `npm start` or `npm run package`
// use them (both run it first). Electron and its downloader ask for a newer Node than the
// rest of Copydesk; without this check an old Node fails deep inside them, in words that
// name neither Node nor the version to install. The version asked for is read from the
// installed Electron's own `engines`, so it follows Electron when it is upgraded.
//
// Usage: node scripts/check-node.mjs <start|package> [--root <project>]

import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { SetupError } from './electron-native.mjs'

/** The command each checked task is, for the message. */
const TASKS = { start: 'npm start', package: 'npm run package' }

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** The installed Electron's version and the Node versions it asks for, and the project's own range. */
export function readRequirements(root) {
  const electronFile = join(root, 'node_modules', 'electron', 'package.json')
  if (!existsSync(electronFile)) throw new SetupError('Electron is not installed yet. Run "npm install" first.')
  const electron = readJson(electronFile)
  const project = readJson(join(root, 'package.json'))
  return { electronVersion: electron.version, electronRange: electron.engines?.node ?? '*', projectRange: project.engines?.node ?? '*' }
}

/**
 * Whether Node `nodeVersion` can run `task` ('start' or 'package'), with the message an
 * editor reads when it cannot: what to install, and what works on this Node already.
 * `semver` is the semver package (injected: the script must load before it can say that
 * npm install has not been run).
 */
export function checkNode({ task, nodeVersion, electronVersion, electronRange, projectRange }, semver) {
  if (semver.satisfies(nodeVersion, electronRange)) return { ok: true }
  const needed = semver.minVersion(electronRange)?.version ?? electronRange
  const major = needed.split('.')[0]
  const command = TASKS[task]
  const lines = [
    `${command} needs Node.js ${needed} or later; this is Node.js ${nodeVersion}.`,
    `Electron ${electronVersion} (the desktop app's engine) and its downloader ask for it.`,
    `Install Node.js ${major} LTS or later (https://nodejs.org/, or "nvm install ${major}"), then run "${command}" again.`
  ]
  if (semver.satisfies(nodeVersion, projectRange)) {
    const enough = semver.minVersion(projectRange)?.version ?? projectRange
    lines.push(`This Node.js is enough for the rest (Node.js ${enough} or later): npm install, npm test, the copydesk command line and "copydesk serve".`)
  }
  return { ok: false, message: lines.join('\n') }
}

function parseArgs(argv) {
  const options = { task: undefined, root: resolve(dirname(fileURLToPath(import.meta.url)), '..') }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--root' && argv[i + 1]) options.root = resolve(argv[++i])
    else if (arg in TASKS && !options.task) options.task = arg
    else throw new SetupError(`Unknown argument ${arg}. Usage: node scripts/check-node.mjs <start|package> [--root <project>]`)
  }
  if (!options.task) throw new SetupError('Usage: node scripts/check-node.mjs <start|package> [--root <project>]')
  return options
}

/** The command line; returns the exit code. */
export async function main(argv, { error = console.error, nodeVersion = process.versions.node } = {}) {
  try {
    const options = parseArgs(argv)
    let semver
    try {
      semver = (await import('semver')).default
    } catch {
      throw new SetupError('Copydesk is not installed yet. Run "npm install" first.')
    }
    const result = checkNode({ task: options.task, nodeVersion, ...readRequirements(options.root) }, semver)
    if (result.ok) return 0
    error(result.message)
    return 1
  } catch (err) {
    error(err instanceof SetupError ? err.message : `Copydesk could not check the Node.js version: ${err?.stack ?? err}`)
    return 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2))
}
