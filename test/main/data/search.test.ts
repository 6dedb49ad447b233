import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { accountInput, caller, makeCore, type TestCore } from '../../support/core'

let core: TestCore
const call = caller(() => core)

beforeEach(async () => {
  core = await makeCore()
  const ana = (await call('accounts:create', accountInput({ username: 'ana' }))).account.id
  const bea = await call('accounts:create', accountInput({ username: 'bea', fullName: 'Bea' }))
  await call('domains:create', { name: 'bäckerei-beispiel.de\nexample.org', accountId: ana })
  await call('domains:create', {
    name: '_dmarc.example.org',
    records: [{ type: 'TXT', value: '"v=DMARC1"' }],
  })
  await call('domains:create', {
    name: 'shop-2.example.net',
    accountId: bea.account.id,
    records: [{ type: 'TXT', value: '"x"' }],
  })
})
afterEach(() => core.dispose())

const found = async (q: string) =>
  (await call('search:global', { q, limit: 50 }))
    .filter((hit) => hit.objectType === 'domain')
    .map((hit) => `${hit.title} (${hit.subtitle})`)

describe('search:global over services', () => {
  it('finds domains by part of their name, with their account', async () => {
    expect(await found('example')).toEqual([
      '_dmarc.example.org (ana)',
      'example.org (ana)',
      'shop-2.example.net (bea)',
    ])
    expect(await found('EXAMPLE.ORG')).toEqual(['_dmarc.example.org (ana)', 'example.org (ana)'])
  })

  it('narrows by the account username as another word', async () => {
    expect(await found('example bea')).toEqual(['shop-2.example.net (bea)'])
  })

  it('finds an international domain by its Unicode name, a part of it, or as stored', async () => {
    for (const q of ['Bäckerei-Beispiel.de', 'bäck', 'ÄCKEREI', 'xn--bckerei']) {
      expect(await found(q)).toEqual(['xn--bckerei-beispiel-vnb.de (ana)'])
    }
    const listed = await call('domains:list', { q: 'bäcker' })
    expect(listed.rows.map((row) => row.name)).toEqual(['xn--bckerei-beispiel-vnb.de'])
  })

  it('lists subdomains of an international name after it, as the names read', async () => {
    await call('domains:create', { name: 'www.bäckerei-beispiel.de' })
    const listed = await call('domains:list', { q: 'beispiel' })
    expect(listed.rows.map((row) => row.name)).toEqual([
      'xn--bckerei-beispiel-vnb.de',
      'www.xn--bckerei-beispiel-vnb.de',
    ])
  })

  it('takes LIKE wildcards in the words literally', async () => {
    expect(await found('_dm')).toEqual(['_dmarc.example.org (ana)'])
    expect(await found('%')).toEqual([])
    expect(await found('o_e')).toEqual([])
  })
})
