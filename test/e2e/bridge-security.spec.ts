import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { APIResponse } from '@playwright/test'
import type { ErrorBody } from '../../src-shared/errors'
import { expect, test } from './fixtures'

// The bridge is the automation API and a security boundary: these are the requests a hostile
// web page or a careless script could send it.

const ACCOUNT = {
  username: 'nuria',
  fullName: 'Núria Çelik',
  email: 'nuria@example.net',
  contacts: [{ shortName: 'Núria', email: 'nuria@example.net' }],
}

/** Another site on loopback: a page the user happens to have open while the bridge runs. */
async function startForeignSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>Elsewhere</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server }
}

async function errorOf(response: APIResponse): Promise<ErrorBody> {
  expect(response.headers()['content-type']).toContain('application/json')
  const body = (await response.json()) as { error: ErrorBody }
  expect(typeof body.error.message).toBe('string')
  return body.error
}

test.describe('bridge security', () => {
  test('binds loopback and hands the page its token in the fragment', async ({ bridge }) => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(bridge.pageUrl).toBe(`${bridge.url}/#token=${bridge.token}`)
    expect(bridge.token.length).toBeGreaterThanOrEqual(32)
  })

  test('refuses a call without a token with a 401 JSON error', async ({ request }) => {
    const response = await request.post('/api/accounts:list', { data: {} })

    expect(response.status()).toBe(401)
    expect((await errorOf(response)).code).toBe('UNAUTHORIZED')
  })

  test('refuses a call with a wrong token', async ({ request, bridge }) => {
    const wrong = bridge.token.slice(0, -1) + (bridge.token.endsWith('A') ? 'B' : 'A')
    const response = await request.post('/api/accounts:list', {
      headers: { Authorization: `Bearer ${wrong}` },
      data: {},
    })

    expect(response.status()).toBe(401)
    expect((await errorOf(response)).code).toBe('UNAUTHORIZED')
  })

  test('refuses the event stream without a token', async ({ request }) => {
    const response = await request.get('/api/events')

    expect(response.status()).toBe(401)
    expect((await errorOf(response)).code).toBe('UNAUTHORIZED')
  })

  test('refuses a foreign Origin even with the token, and writes nothing', async ({
    request,
    bridge,
    api,
  }) => {
    const response = await request.post('/api/accounts:create', {
      headers: { Authorization: `Bearer ${bridge.token}`, Origin: 'http://evil.example' },
      data: ACCOUNT,
    })

    expect(response.status()).toBe(403)
    expect((await errorOf(response)).code).toBe('FORBIDDEN')
    expect((await api.call('accounts:list', {})).total).toBe(0)
  })

  test('accepts its own Origin', async ({ request, bridge }) => {
    const response = await request.post('/api/accounts:list', {
      headers: { Authorization: `Bearer ${bridge.token}`, Origin: bridge.url },
      data: {},
    })

    expect(response.status()).toBe(200)
  })

  test('refuses a foreign Host on the API and on the page', async ({ request, bridge }) => {
    // What DNS rebinding looks like: the right address, someone else's name.
    const headers = { Authorization: `Bearer ${bridge.token}`, Host: 'evil.example' }
    const call = await request.post('/api/accounts:list', { headers, data: {} })
    const page = await request.get('/', {
      headers: { Host: `evil.example:${new URL(bridge.url).port}` },
    })

    expect(call.status()).toBe(403)
    expect((await errorOf(call)).code).toBe('FORBIDDEN')
    expect(page.status()).toBe(403)
  })

  test('names the field of a validation error', async ({ request, bridge }) => {
    const response = await request.post('/api/accounts:create', {
      headers: { Authorization: `Bearer ${bridge.token}` },
      data: { ...ACCOUNT, username: 'Bad Name!' },
    })

    expect(response.status()).toBe(400)
    const error = await errorOf(response)
    expect(error.code).toBe('VALIDATION')
    expect(error.field).toBe('username')
    expect(error.issues?.[0]).toMatchObject({ field: 'username' })
  })

  test('names a contact field by its path', async ({ request, bridge }) => {
    const contacts = [ACCOUNT.contacts[0], { shortName: 'Ops', email: 'not-an-email' }]
    const response = await request.post('/api/accounts:create', {
      headers: { Authorization: `Bearer ${bridge.token}` },
      data: { ...ACCOUNT, contacts },
    })

    expect(response.status()).toBe(400)
    expect((await errorOf(response)).field).toBe('contacts.1.email')
  })

  test('returns a username clash as a field error', async ({ request, bridge, api }) => {
    await api.call('accounts:create', ACCOUNT)
    const response = await request.post('/api/accounts:create', {
      headers: { Authorization: `Bearer ${bridge.token}` },
      data: ACCOUNT,
    })

    expect(response.status()).toBe(400)
    expect(await errorOf(response)).toMatchObject({ code: 'VALIDATION', field: 'username' })
  })

  test('answers an unknown channel with 404', async ({ request, bridge }) => {
    const response = await request.post('/api/accounts:explode', {
      headers: { Authorization: `Bearer ${bridge.token}` },
      data: {},
    })

    expect(response.status()).toBe(404)
    expect((await errorOf(response)).code).toBe('UNKNOWN_CHANNEL')
  })

  test('refuses a body that is not JSON', async ({ request, bridge }) => {
    const response = await request.post('/api/accounts:list', {
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'text/plain' },
      data: 'username=nuria',
    })

    expect(response.status()).toBe(400)
    expect((await errorOf(response)).code).toBe('VALIDATION')
  })

  test('refuses a call a page from another site makes through the browser', async ({
    page,
    bridge,
    api,
  }) => {
    const site = await startForeignSite()
    await page.goto(site.url)

    // A simple request needs no preflight, so it does reach the bridge; the Origin check stops it.
    const refused = page.waitForResponse(`${bridge.url}/api/accounts:create`)
    await page.evaluate(
      ([target, account]) =>
        fetch(target, { method: 'POST', mode: 'no-cors', body: JSON.stringify(account) }),
      [`${bridge.url}/api/accounts:create`, ACCOUNT] as const,
    )

    expect((await refused).status()).toBe(403)
    expect((await api.call('accounts:list', {})).total).toBe(0)
    site.server.close()
  })

  test('takes the token out of the address bar once the page has it', async ({ app }) => {
    await expect(app).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/(#\/?)?$/)
    expect(app.url()).not.toContain('token')
  })

  test('shows no data to a page opened without the token', async ({ page, bridge, api }) => {
    await api.call('accounts:create', ACCOUNT)
    await page.goto(`${bridge.url}/#/accounts`)

    await expect(page.getByText(/session expired/i).first()).toBeVisible()
    await expect(page.getByRole('link', { name: 'nuria' })).toBeHidden()
  })
})
