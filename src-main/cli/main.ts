import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startBridge } from '../bridge/server'
import { createCore } from '../core/core'
import { projectRoot } from '../core/paths'
import { APP_VERSION } from '../core/version'
import { generateDemoData } from '../dev/generator'

const HELP = `Orchestra Desktop ${APP_VERSION}: control panel for web hosting providers

Usage: orchestra <command> [options]

Commands:
  serve        Serve the interface and the HTTP API on loopback
  migrate      Create or update the database schema, then exit
  demo-data    Fill the database with invented accounts and contacts

Options:
  --data-dir <dir>    Data folder (default: ORCHESTRA_DATA_DIR, else the OS's data folder)
  --database <file>   SQLite file (default: orchestra.sqlite in the data folder)
  --host <address>    serve: address to bind (default 127.0.0.1; loopback is the safe choice)
  --port <n>          serve: port (default 0: any free port)
  --accounts <n>      demo-data: how many accounts (default 50)
  -h, --help          Show this help
  -v, --version       Show the version
`

const OPTIONS = {
  'data-dir': { type: 'string' },
  database: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  accounts: { type: 'string' },
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
      return serve({ ...coreOptions, host: values.host, port: Number(values.port ?? 0) })
    case 'migrate': {
      const core = createCore(coreOptions)
      core.close()
      return print(`Database is up to date: ${core.info.database.location}`)
    }
    case 'demo-data': {
      const core = createCore(coreOptions)
      const count = await generateDemoData(core, Number(values.accounts ?? 50))
      core.close()
      return print(`Added ${count} accounts to ${core.info.database.location}`)
    }
    default:
      process.stderr.write(`Unknown command "${command}". Try: orchestra --help\n`)
      return 2
  }
}

interface ServeOptions {
  dataDir?: string
  database?: string
  host?: string
  port: number
}

async function serve(options: ServeOptions): Promise<number> {
  const core = createCore(options)
  const rendererDir = join(projectRoot(), 'out', 'renderer')
  const hasRenderer = existsSync(join(rendererDir, 'index.html'))
  if (!hasRenderer) process.stderr.write('No built interface (run npm run build); API only.\n')

  const bridge = await startBridge({
    core,
    host: options.host,
    port: options.port,
    rendererDir: hasRenderer ? rendererDir : undefined,
  })
  process.stdout.write(`Orchestra Desktop is serving ${core.info.database.location}\n`)
  process.stdout.write(`Open this address (it carries this session's token):\n${bridge.pageUrl}\n`)

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await bridge.close()
  core.close()
  return 0
}

function print(text: string): number {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  return 0
}
