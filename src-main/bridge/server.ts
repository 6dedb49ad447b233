import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BRIDGE_API_PREFIX, BRIDGE_EVENTS_PATH } from '../../src-shared/contract/transport'
import { AppError, HTTP_STATUS, type ErrorBody } from '../../src-shared/errors'
import type { Core } from '../core/core'
import { scopedLogger } from '../core/logger'
import { allowedHosts, checkOrigin, createToken, hasToken } from './guard'
import { serveStatic } from './static-files'

const log = scopedLogger('bridge')
const MAX_BODY_BYTES = 1024 * 1024

export interface BridgeOptions {
  core: Core
  /** Loopback unless told otherwise. */
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** The built renderer to serve; without it only the API answers. */
  rendererDir?: string
  /** Fixed token for tests; a random one otherwise. */
  token?: string
}

export interface Bridge {
  url: string
  /** The URL a browser opens: the token rides in the fragment, which is never sent. */
  pageUrl: string
  token: string
  port: number
  close(): Promise<void>
}

/** The loopback HTTP bridge: the renderer's transport outside Electron, and the automation API. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? createToken()
  let hosts = new Set<string>()

  const server = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      log.error(`Request failed: ${(error as Error).message}`)
      if (!response.headersSent) sendError(response, internalError())
    })
  })

  async function handleRequest(request: IncomingMessage, response: ServerResponse) {
    const refusal = checkOrigin(request, hosts)
    if (refusal) return sendError(response, { code: 'FORBIDDEN', message: refusal })

    const { pathname } = new URL(request.url ?? '/', 'http://bridge')
    if (!pathname.startsWith(BRIDGE_API_PREFIX)) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendStatus(response, 405)
      if (!options.rendererDir) return sendStatus(response, 404)
      return serveStatic(options.rendererDir, pathname, response)
    }

    if (!hasToken(request, token)) {
      return sendError(response, { code: 'UNAUTHORIZED', message: 'Missing or wrong bridge token' })
    }
    if (pathname === BRIDGE_EVENTS_PATH && request.method === 'GET') {
      return streamEvents(options.core, request, response)
    }
    if (request.method !== 'POST') return sendStatus(response, 405)
    await handleCall(options.core, pathname.slice(BRIDGE_API_PREFIX.length), request, response)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  hosts = allowedHosts(host, port)
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  log.info(`Listening on ${origin}`)

  return {
    url: origin,
    pageUrl: `${origin}/#token=${token}`,
    token,
    port,
    close: () => closeServer(server),
  }
}

async function handleCall(
  core: Core,
  name: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(response, {
      code: 'VALIDATION',
      message: 'Content-Type must be application/json',
      field: '(request)',
    })
  }
  let body: unknown
  try {
    const text = await readBody(request)
    body = text.trim() ? JSON.parse(text) : {}
  } catch (error) {
    return sendError(response, {
      code: 'VALIDATION',
      message: `The body is not valid JSON: ${(error as Error).message}`,
      field: '(request)',
    })
  }

  try {
    const result = await core.dispatcher.dispatch(decodeURIComponent(name), body)
    sendJson(response, 200, result)
  } catch (error) {
    sendError(response, error instanceof AppError ? error.toBody() : internalError())
  }
}

/** Server-sent events; the page reads them with fetch so the token stays in a header. */
function streamEvents(core: Core, request: IncomingMessage, response: ServerResponse) {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  response.write(': connected\n\n')
  const unsubscribe = core.events.subscribe((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const heartbeat = setInterval(() => response.write(': ping\n\n'), 25_000)
  request.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
  })
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`larger than ${MAX_BODY_BYTES} bytes`))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function internalError(): ErrorBody {
  return { code: 'INTERNAL', message: 'The bridge failed to answer; see the log file' }
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(JSON.stringify(value))
}

function sendError(response: ServerResponse, error: ErrorBody) {
  sendJson(response, HTTP_STATUS[error.code], { error })
}

function sendStatus(response: ServerResponse, status: number) {
  response.writeHead(status, { 'Content-Type': 'text/plain' }).end(String(status))
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
