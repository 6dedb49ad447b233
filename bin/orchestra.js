#!/usr/bin/env node
// The command line runs the TypeScript core directly under Node, so it needs no build step.
require('tsx/cjs/api').register()
const { main } = require('../src-main/cli/main.ts')

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`orchestra: ${error.message}\n`)
    process.exit(1)
  },
)
