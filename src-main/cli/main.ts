import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startBridge } from '../bridge/server'
import { chooseDatabase, openCore, openStore } from '../core/core'
import { resolveDataDir } from '../core/paths'
import { copyDatabase } from '../db/copy'
import { describeTarget, parseDatabaseTarget } from '../db/target'
import { orchestrate, orchestrateOptions } from './orchestrate'
import { renewCertificatesCommand } from './renew-certificates'
import { billCommand } from './bill'
import { invoiceCommand } from './invoice'
import { periodicTasksCommand } from './periodic-tasks'
import { progressBar } from './progress'
import { projectRoot } from '../core/paths'
import { APP_VERSION } from '../core/version'
import { generateDemoData } from '../dev/generator'

const HELP = `Orchestra Desktop ${APP_VERSION}: control panel for web hosting providers

Usage: orchestra <command> [options]

Commands:
  serve        Serve the interface and the HTTP API on loopback
  migrate      Create or update the database schema (SQLite or PostgreSQL), then exit
  demo-data    Fill the database with invented accounts and contacts
  copy         Copy a whole database into an empty one (SQLite or PostgreSQL, either way),
               checked row for row: orchestra copy --from <db> --to <db>
  orchestrate  Send every object of the routed backends to their servers again; prints
               each script under "# Execute <backend> on <server>", then runs them (exit
               code 1 when a run did not succeed)
  renew-certificates
               Renew the certificates due within CERTIFICATES_RENEW_DAYS, one line each
               (exit code 1 when one failed); --dry-run only lists them
  bill         Bill every pending order up to --date YYYY-MM-DD: prints the bills and lines
               per account with their totals, then writes them (--dry-run: only prints)
  invoice      Write one bill as PDF: orchestra invoice <number> --pdf <file>
  periodic-tasks
               Run the daily tasks for a system timer: the metric cleanup and "update
               orders" of the periodic services, printing what each did (exit code 1 when
               one failed or another workstation was running it); --dry-run only counts

Options:
  --data-dir <dir>    Data folder (default: ORCHESTRA_DATA_DIR, else the OS's data folder)
  --database <db>     A SQLite file or a postgres:// URL (default: ORCHESTRA_DATABASE_URL,
                      else orchestra.sqlite in the data folder)
  --read-only         serve: open the database for audit; every change is refused and
                      nothing of it changes (for a copy of the logs exported elsewhere too)
  --host <address>    serve: address to bind (default 127.0.0.1; loopback is the safe choice)
  --port <n>          serve: port (default 0: any free port)
  --accounts <n>      demo-data: how many accounts (default 50)
  --from <db>         copy: the database to read (default: the one --database would open)
  --to <db>           copy: the empty database to fill (a SQLite file or a postgres:// URL)
  --dry-run           orchestrate: only print the scripts, run nothing;
                      renew-certificates: only list what is due; bill: only print the run;
                      periodic-tasks: only count what the tasks would do
  --backend <ids>     orchestrate: only these backends (comma-separated ids)
  --server <names>    orchestrate: only these servers (comma-separated names or addresses)
  --action <action>   orchestrate: the action to send (default save)
  --list-backends     orchestrate: list the installed backends and exit
  --date <day>        bill: the billing point, YYYY-MM-DD
  --pdf <file>        invoice: the PDF file to write
  --only <task>       periodic-tasks: only metrics-cleanup or update-orders
  -h, --help          Show this help
  -v, --version       Show the version
`

const OPTIONS = {
  'data-dir': { type: 'string' },
  database: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  accounts: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'read-only': { type: 'boolean' },
  backend: { type: 'string' },
  server: { type: 'string' },
  action: { type: 'string' },
  'list-backends': { type: 'boolean' },
  date: { type: 'string' },
  pdf: { type: 'string' },
  only: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  })
  const command = positionals[0]
  if (values.version) return print(APP_VERSION)
  if (values.help || !command) return print(HELP)

  const coreOptions = { dataDir: values['data-dir'], database: values.database }
  switch (command) {
    case 'serve':
      return serve({
        ...coreOptions,
        readOnly: values['read-only'],
        host: values.host,
        port: Number(values.port ?? 0),
      })
    case 'migrate': {
      const core = await openCore(coreOptions)
      await core.close()
      return print(`Database is up to date: ${core.info.database.location}`)
    }
    case 'demo-data': {
      const wanted = Number(values.accounts ?? 50)
      if (!Number.isInteger(wanted) || wanted < 1 || wanted > 1_000_000) {
        process.stderr.write(`--accounts must be a whole number from 1 to 1000000\n`)
        return 2
      }
      const core = await openCore(coreOptions)
      const count = await generateDemoData(core, wanted)
      await core.close()
      return print(`Added ${count} accounts to ${core.info.database.location}`)
    }
    case 'copy':
      return copy({ ...coreOptions, from: values.from, to: values.to })
    case 'orchestrate':
      return orchestrate({ ...coreOptions, ...orchestrateOptions(values) })
    case 'renew-certificates':
      return renewCertificatesCommand({ ...coreOptions, dryRun: values['dry-run'] === true })
    case 'bill':
      return billCommand({ ...coreOptions, date: values.date, dryRun: values['dry-run'] === true })
    case 'invoice':
      return invoiceCommand({ ...coreOptions, number: positionals[1], pdf: values.pdf })
    case 'periodic-tasks':
      return periodicTasksCommand({
        ...coreOptions,
        only: values.only,
        dryRun: values['dry-run'] === true,
      })
    default:
      process.stderr.write(`Unknown command "${command}". Try: orchestra --help\n`)
      return 2
  }
}

interface ServeOptions {
  dataDir?: string
  database?: string
  readOnly?: boolean
  host?: string
  port: number
}

async function serve(options: ServeOptions): Promise<number> {
  const core = await openCore({ ...options, periodicTasks: true })
  const rendererDir = join(projectRoot(), 'out', 'renderer')
  const hasRenderer = existsSync(join(rendererDir, 'index.html'))
  if (!hasRenderer) process.stderr.write('No built interface (run npm run build); API only.\n')

  const bridge = await startBridge({
    core,
    host: options.host,
    port: options.port,
    rendererDir: hasRenderer ? rendererDir : undefined,
  })
  const mode = options.readOnly ? ' read-only, for audit' : ''
  process.stdout.write(`Orchestra Desktop is serving ${core.info.database.location}${mode}\n`)
  process.stdout.write(`Open this address (it carries this session's token):\n${bridge.pageUrl}\n`)

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await bridge.close()
  await core.close()
  return 0
}

function print(text: string): number {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  return 0
}

interface CopyOptions {
  dataDir?: string
  database?: string
  from?: string
  to?: string
}

async function copy(options: CopyOptions): Promise<number> {
  if (!options.to) {
    process.stderr.write('copy needs --to <db>: an empty SQLite file or postgres:// database\n')
    return 2
  }
  const dataDir = resolveDataDir(options.dataDir)
  const source = chooseDatabase({ database: options.from ?? options.database }, dataDir).target
  const target = parseDatabaseTarget(options.to)
  const from = await openStore(source)
  try {
    const to = await openStore(target)
    try {
      process.stdout.write(`Copying ${describeTarget(source)} into ${describeTarget(target)}\n`)
      const bar = progressBar(process.stdout)
      const report = await copyDatabase(from, to, bar.update)
      bar.done()
      for (const { table, rows } of report.tables) process.stdout.write(`  ${table}: ${rows}\n`)
      return print(`Copied and checked ${report.rows} rows.`)
    } finally {
      await to.close()
    }
  } finally {
    await from.close()
  }
}
