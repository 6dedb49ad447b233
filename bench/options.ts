import { parseArgs } from 'node:util'

export const HELP = `Usage: npm run bench -- [options]

Loads invented accounts into a temporary database and times account search and the first list
page, each beside a hand-written better-sqlite3 query of the same rows.

Options:
  --accounts <n>   How many accounts to load (default 100000)
  --quick          A smoke run: 5000 accounts and fewer rounds
  -h, --help       Show this help
`

export interface BenchOptions {
  accounts: number
  /** Untimed passes before measuring, so statements are prepared and pages are cached. */
  warmup: number
  /** Timed passes; each pass runs every case once on each side. */
  rounds: number
  help: boolean
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      accounts: { type: 'string' },
      quick: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const quick = values.quick ?? false
  const accounts = Number(values.accounts ?? (quick ? 5_000 : 100_000))
  if (!Number.isInteger(accounts) || accounts < 1) {
    throw new Error(`--accounts must be a positive whole number, not "${values.accounts}"`)
  }
  return { accounts, warmup: quick ? 3 : 5, rounds: quick ? 20 : 60, help: values.help ?? false }
}
