import { request as httpRequest } from 'node:http'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startBridge, type Bridge } from '../../../src-main/bridge/server'
import { accountInput, makeCore, type TestCore } from '../../support/core'

let core: TestCore
let bridge: Bridge
let rendererDir: string

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, so tests can send the Host and Origin headers a browser would refuse to forge. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function api(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return send(`/api/${channel}`, {
    headers: {
      Authorization: `Bearer ${bridge.token}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  })
}

beforeEach(async () => {
  core = await makeCore()
  // The secret sits right beside the served folder, where "../" would reach it.
  const parent = mkdtempSync(join(tmpdir(), 'orchestra-renderer-'))
  rendererDir = join(parent, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Orchestra</title>')
  writeFileSync(join(parent, 'secret.txt'), 'not for the web')
  writeFileSync(join(parent, 'renderer-secret.txt'), 'not for the web either')
  bridge = await startBridge({ core, port: 0, rendererDir })
})
afterEach(async () => {
  await bridge.close()
  await core.dispose()
})

describe('bridge', () => {
  it('binds to loopback and prints a URL carrying the token in the fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}`)
    expect(bridge.pageUrl).toBe(`${bridge.url}/#token=${bridge.token}`)
    expect(bridge.token.length).toBeGreaterThanOrEqual(40)
  })

  it('answers a call with the handler result', async () => {
    await core.dispatcher.dispatch('accounts:create', accountInput())
    const reply = await api('accounts:list', { q: 'ana' })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ total: 1, rows: [{ username: 'ana' }] })
  })

  it('refuses a request without the token, and one with a wrong token', async () => {
    const none = await send('/api/accounts:list', {
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body).error.code).toBe('UNAUTHORIZED')
    const wrong = await api('accounts:list', {}, { Authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
  })

  it('refuses a foreign Origin even with the right token', async () => {
    const reply = await api('accounts:list', {}, { Origin: 'http://evil.example' })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body).error.message).toContain('evil.example')
  })

  it('accepts its own Origin', async () => {
    const reply = await api('accounts:list', {}, { Origin: bridge.url })
    expect(reply.status).toBe(200)
  })

  it('refuses a foreign Host, which is what DNS rebinding looks like', async () => {
    const reply = await api('accounts:list', {}, { Host: `rebind.example:${bridge.port}` })
    expect(reply.status).toBe(403)
    const page = await send('/', { method: 'GET', headers: { Host: 'rebind.example' } })
    expect(page.status).toBe(403)
  })

  it('returns a validation error that names the field and the rule', async () => {
    const reply = await api('accounts:create', accountInput({ username: 'Bad Name' }))
    expect(reply.status).toBe(400)
    const { error } = JSON.parse(reply.body)
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'username' })
    expect(error.issues[0]).toMatchObject({ field: 'username', rule: 'pattern' })
  })

  it('rejects a body that is not JSON, and a request that is not JSON', async () => {
    const notJson = await send('/api/accounts:list', {
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' },
      body: '{oops',
    })
    expect(notJson.status).toBe(400)
    const form = await send('/api/accounts:list', {
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(form.status).toBe(400)
  })

  it('answers an unknown channel with 404 and a JSON error', async () => {
    const reply = await api('accounts:drop', {})
    expect(reply.status).toBe(404)
    expect(JSON.parse(reply.body).error.code).toBe('UNKNOWN_CHANNEL')
  })

  it('serves the interface with a strict Content-Security-Policy', async () => {
    const page = await send('/', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['content-security-policy']).not.toContain("script-src 'self' 'unsafe")
  })

  it('does not serve files outside the interface folder', async () => {
    const paths = ['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt']
    // A sibling whose name starts with the served folder's name must not pass a prefix check.
    for (const path of [...paths, '/..%2frenderer-secret.txt', '/..%2f..%2f..%2fetc%2fpasswd']) {
      const reply = await send(path, { method: 'GET' })
      expect(reply.status, path).toBe(404)
    }
  })

  it('streams change events to a subscriber holding the token', async () => {
    const controller = new AbortController()
    const response = await fetch(`${bridge.url}/api/events`, {
      headers: { Authorization: `Bearer ${bridge.token}` },
      signal: controller.signal,
    })
    expect(response.status).toBe(200)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    await reader.read() // the ": connected" comment

    await core.dispatcher.dispatch('accounts:create', accountInput())
    let text = ''
    while (!text.includes('"objectType":"contact"')) text += (await reader.read()).value ?? ''
    expect(text).toContain('event: data:changed')
    controller.abort()
  })
})
