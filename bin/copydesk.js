#!/usr/bin/env node
// The command line is built with the app (npm install runs the build); see README.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('copydesk: the command line is not built yet; run "npm run build" in the Copydesk folder.\n')
  process.exit(1)
}
const { main } = require(cli)
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`)
}).then((code) => {
  process.exitCode = code
})
