import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SepaCreditor } from '../../../../src-main/payments/sepa/common'
import type { DirectDebit } from '../../../../src-main/payments/sepa/pain008'
import type { CreditTransfer } from '../../../../src-main/payments/sepa/pain001'
import { resourcePath } from '../../../../src-main/core/paths'

/** The provider of the SEPA tests: a valid Spanish IBAN, BIC and creditor identifier. */
export const CREDITOR: SepaCreditor = {
  name: 'Orchestra Hosting SL',
  iban: 'ES91 2100 0418 4502 0005 1332',
  bic: 'CAIXESBB',
  creditorId: 'ES97ZZZB12345678',
}

/** Valid IBANs of several countries, for the customers. */
export const IBANS = {
  de: 'DE89 3704 0044 0532 0130 00',
  gb: 'GB82WEST12345698765432',
  nl: 'nl91 abna 0417 1643 00',
  fr: 'FR1420041010050500013M02606',
} as const

export function debit(change: Partial<DirectDebit> = {}): DirectDebit {
  return {
    transactionId: 7,
    billNumber: 'I2026000012',
    amount: '75.50',
    currency: 'EUR',
    debtorName: 'Ana Fernández',
    debtorIban: IBANS.de,
    mandateId: 'ACC12-SRC3',
    mandateSignedOn: '2025-03-14',
    sequence: 'FRST',
    collectionOn: '2026-12-09',
    ...change,
  }
}

export function transfer(change: Partial<CreditTransfer> = {}): CreditTransfer {
  return {
    transactionId: 9,
    billNumber: 'A2026000003',
    amount: '12.10',
    currency: 'EUR',
    creditorName: 'Jürgen Weiß',
    creditorIban: IBANS.gb,
    ...change,
  }
}

/**
 * What the real `xmllint` says of `xml` under one of the shipped schemas: an empty string
 * when the file is valid, its complaints otherwise.
 */
export function xmllintErrors(xsd: string, xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sepa-'))
  try {
    const file = join(dir, 'file.xml')
    writeFileSync(file, xml)
    const run = spawnSync('xmllint', ['--noout', '--schema', resourcePath('sepa', xsd), file], {
      encoding: 'utf8',
    })
    if (run.error) throw run.error
    return run.status === 0 ? '' : run.stderr
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of the first `<name>` element in the file. */
export function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(xml)?.[1]
}

export function elementTexts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g')
  return [...xml.matchAll(pattern)].map((match) => match[1]!)
}

/** Hostile names a customer could give: markup, quotes, line breaks, emoji, scripts, length. */
export const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  'Smith & Sons <Ltd>',
  '"Quoted" \'name\'',
  'Line one\r\nLine two\nthree\rfour',
  'Tab\tseparated',
  '😀 Emoji 👩‍👩‍👧 family',
  'Дмитрий Щукин',
  'Ελένη Παπαδοπούλου',
  'Zofia Łukasiewicz-Żółć',
  'A name far longer than the seventy characters a SEPA bank keeps of any party name',
  ']]> <![CDATA[ x',
  '&amp; &#38; &lt;',
]
