import type { AccountCreateInput } from '../../src-shared/schemas/accounts'
import type { ContactInput } from '../../src-shared/schemas/contacts'
import type { Core } from '../core/core'
import { searchText } from '../data/sql'
import type { SqliteStore as Store } from '../db/sqlite-store'
import { accounts, contacts } from '../db/schema'
import type { Store as AnyStore } from '../db/store'

/**
 * Invented but realistic accounts and contacts, the same for the same seed: for demos, for
 * tests that need volume and for the benchmark. No real people or domains.
 */

// prettier-ignore
const FIRST = ['Núria', 'Jordi', 'Ana', 'Łukasz', 'Zoë', 'Marc', 'Aitana', 'Oriol', 'Inés',
  'Björn', 'Chloé', 'Pau', 'Mireia', 'Dmitri', 'Fatima', 'Joan', 'Laia', 'Hugo', 'Noor', 'Eli']
// prettier-ignore
const LAST = ['Puig', 'García', 'Çelik', 'Ferrer', 'Nowak', 'Martí', 'Costa', 'Sørensen',
  'Vidal', 'Ortega', 'Rossi', 'Serra', 'Müller', 'Romero', 'Casals', 'Duarte', 'Ibáñez', 'Font']
const ORGS = ['Cooperativa', 'Associació', 'Taller', 'Estudi', 'Fundació', 'Editorial', 'Hostal']
const TOPICS = ['Verd', 'del Mar', 'Lliure', 'Nord', 'Digital', 'de Gràcia', 'Sostenible']
const TYPES = ['INDIVIDUAL', 'ASSOCIATION', 'CUSTOMER', 'COMPANY', 'PUBLICBODY'] as const
const CITIES = [
  ['Barcelona', '08001'],
  ['Girona', '17001'],
  ['Valencia', '46001'],
  ['Madrid', '28013'],
] as const

/** A small deterministic generator (mulberry32), so every run builds the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

export function* demoAccounts(count: number, seed = 1): Generator<AccountCreateInput> {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  for (let i = 1; i <= count; i++) {
    const type = pick(TYPES)
    const person = `${pick(FIRST)} ${pick(LAST)}`
    const isOrg = type === 'ASSOCIATION' || type === 'COMPANY' || type === 'PUBLICBODY'
    const fullName = isOrg ? `${pick(ORGS)} ${pick(TOPICS)}` : person
    const username = `${asciiSlug(fullName).slice(0, 20)}${i}`
    const domain = `${username}.example.net`
    yield {
      username,
      fullName,
      shortName: fullName.split(' ')[0],
      email: `admin@${domain}`,
      type,
      language: pick(['EN', 'ES', 'CA'] as const),
      contacts: demoContacts(person, domain, next, i),
    }
  }
}

function demoContacts(person: string, domain: string, next: () => number, i: number) {
  const [city, zipcode] = CITIES[i % CITIES.length]!
  const phone = `+34 6${String(Math.floor(next() * 1e8)).padStart(8, '0')}`
  const main: ContactInput = {
    shortName: person.split(' ')[0]!,
    fullName: person,
    email: `${asciiSlug(person)}@${domain}`,
    phone,
    address: `Carrer Major ${1 + (i % 120)}`,
    city,
    zipcode,
    country: 'ES',
  }
  const billing: ContactInput = {
    shortName: 'Billing',
    email: `billing@${domain}`,
    emailUsage: ['BILLING', 'ADMIN'],
  }
  return i % 3 === 0 ? [main, billing] : [main]
}

/**
 * Demo data through the real calls, so it has history like hand-made data. Running it again
 * adds more: an invented username that is already taken is skipped for the next one.
 */
export async function generateDemoData(core: Core, count: number): Promise<number> {
  let created = 0
  let seed = Date.now() % 100000
  while (created < count) {
    for (const input of demoAccounts(count - created, seed++)) {
      try {
        await core.dispatcher.dispatch('accounts:create', input)
        created++
      } catch (error) {
        if (!isUsernameClash(error)) throw error
      }
    }
  }
  return created
}

function isUsernameClash(error: unknown): boolean {
  const issues = (error as { issues?: { field: string; rule: string }[] }).issues ?? []
  return issues.some((issue) => issue.field === 'username' && issue.rule === 'unique')
}

/**
 * Fast bulk load for the benchmark: straight SQL in one transaction, filling the same columns
 * (search text included) that the account module writes.
 */
export function bulkLoad(store: Store, count: number, seed = 1): void {
  const db = store.sqlite
  const insertAccount = db.prepare(`insert into accounts (username, short_name, full_name, email,
    type, language, date_joined, search_text) values (?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertContact = db.prepare(`insert into contacts (account_id, short_name, full_name,
    email, email_usage, phone, address, city, zipcode, country, search_text)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const joined = new Date('2020-01-01T00:00:00Z').getTime()

  db.transaction(() => {
    let n = 0
    for (const a of demoAccounts(count, seed)) {
      const names = a.contacts.flatMap((c) => [c.shortName, c.fullName])
      const text = searchText([a.username, a.shortName, a.fullName, a.email, ...names])
      const date = new Date(joined + n++ * 3_600_000).toISOString()
      const { lastInsertRowid } = insertAccount.run(
        a.username,
        a.shortName ?? '',
        a.fullName,
        a.email,
        a.type,
        a.language,
        date,
        text,
      )
      for (const c of a.contacts) {
        insertContact.run(
          lastInsertRowid,
          c.shortName,
          c.fullName ?? '',
          c.email,
          (c.emailUsage ?? ['SUPPORT', 'ADMIN', 'BILLING', 'TECH', 'ADDS', 'EMERGENCY']).join(','),
          c.phone ?? '',
          c.address ?? '',
          c.city ?? '',
          c.zipcode ?? '',
          c.country ?? '',
          searchText([c.shortName, c.fullName, c.email, c.phone, a.username]),
        )
      }
    }
  })()
}

/**
 * The same invented accounts as `bulkLoad`, written through the query builder so that it works
 * on either dialect (slower: for tests of a few thousand accounts, not the benchmark).
 */
export async function bulkInsert(store: AnyStore, count: number, seed = 1): Promise<void> {
  const joined = new Date('2020-01-01T00:00:00Z').getTime()
  const all = [...demoAccounts(count, seed)]
  await store.write(async (tx) => {
    for (let start = 0; start < all.length; start += 200) {
      const batch = all.slice(start, start + 200)
      const ids = await tx
        .insert(accounts)
        .values(
          batch.map((a, i) => ({
            username: a.username,
            shortName: a.shortName ?? '',
            fullName: a.fullName,
            email: a.email,
            type: a.type ?? 'INDIVIDUAL',
            language: a.language ?? 'EN',
            dateJoined: new Date(joined + (start + i) * 3_600_000).toISOString(),
            searchText: searchText([
              a.username,
              a.shortName,
              a.fullName,
              a.email,
              ...a.contacts.flatMap((c) => [c.shortName, c.fullName]),
            ]),
          })),
        )
        .returning({ id: accounts.id })
      const rows: (typeof contacts.$inferInsert)[] = batch.flatMap((a, i) =>
        a.contacts.map((c) => ({
          accountId: ids[i]!.id,
          shortName: c.shortName,
          fullName: c.fullName ?? '',
          email: c.email,
          emailUsage: (
            c.emailUsage ?? ['SUPPORT', 'ADMIN', 'BILLING', 'TECH', 'ADDS', 'EMERGENCY']
          ).join(','),
          phone: c.phone ?? '',
          address: c.address ?? '',
          city: c.city ?? '',
          zipcode: c.zipcode ?? '',
          country: (c.country ?? '') as (typeof contacts.$inferInsert)['country'],
          searchText: searchText([c.shortName, c.fullName, c.email, c.phone, a.username]),
        })),
      )
      if (rows.length) await tx.insert(contacts).values(rows)
    }
  })
}
