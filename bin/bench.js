#!/usr/bin/env node
// The benchmark runs the TypeScript core directly under Node, as the command line does, so the
// figures are for the same code the app runs and need no build step.
require('tsx/cjs/api').register()
const { main } = require('../bench/run.ts')

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench: ${error.stack ?? error.message}\n`)
    process.exit(1)
  },
)
