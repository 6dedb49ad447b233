import { parseArgs } from 'node:util'

export const HELP = `Usage: npm run bench -- [options]

Search: loads invented accounts into a temporary database and times account search and the
first list page, each beside a hand-written better-sqlite3 query of the same rows.
Orchestration: pushes one change to 20 sshd on loopback, beside the same script run by 20
parallel ssh processes and by Ansible; then 100 changes to one server, counting its logins
(needs root and: apt-get install ansible openssh-server openssh-client).
PDF: invoice PDFs per second with renderBillPdf beside wkhtmltopdf rendering the same invoice
as HTML, one process per bill (needs: apt-get install wkhtmltopdf poppler-utils).
Billing: a billing run over 10,000 orders, read, priced, placed on bills and written with the
order updates, beside prepared better-sqlite3 inserts of the same bills and lines.

Options:
  --only <section> Run one section: search, orchestration, pdf or billing (default all)
  --accounts <n>   How many accounts to load (default 100000)
  --quick          A smoke run: 5000 accounts, fewer rounds
  -h, --help       Show this help
`

export const SECTIONS = ['search', 'orchestration', 'pdf', 'billing'] as const
export type Section = (typeof SECTIONS)[number]

export interface BenchOptions {
  sections: Section[]
  accounts: number
  /** Untimed passes before measuring, so statements are prepared and pages are cached. */
  warmup: number
  /** Timed passes; each pass runs every case once on each side. */
  rounds: number
  /** Timed changes pushed to every server, each way (ours cold, ours warm, floor, Ansible). */
  pushRounds: number
  /** Timed bills per case, each rendered by us and by wkhtmltopdf. */
  pdfRounds: number
  /** Timed billing runs, each beside the floor's inserts. */
  billingRounds: number
  help: boolean
}

function sectionsOf(only: string | undefined): Section[] {
  if (only === undefined) return [...SECTIONS]
  if (!(SECTIONS as readonly string[]).includes(only)) {
    throw new Error(`--only takes ${SECTIONS.join(' or ')}, not "${only}"`)
  }
  return [only as Section]
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string' },
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
  return {
    sections: sectionsOf(values.only),
    accounts,
    warmup: quick ? 3 : 5,
    rounds: quick ? 20 : 60,
    pushRounds: quick ? 3 : 5,
    pdfRounds: quick ? 5 : 20,
    billingRounds: quick ? 3 : 10,
    help: values.help ?? false,
  }
}
