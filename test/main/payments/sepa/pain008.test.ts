import { describe, expect, it } from 'vitest'
import { pain008, type DirectDebitFile } from '../../../../src-main/payments/sepa/pain008'
import { sepaSchemaErrors } from '../../../../src-main/payments/sepa/validate'
import { AppError } from '../../../../src-shared/errors'
import {
  CREDITOR,
  debit,
  elementText,
  elementTexts,
  HOSTILE_NAMES,
  IBANS,
  xmllintErrors,
} from './sepa-fixtures'

const XSD = 'pain.008.001.02.xsd'

function file(change: Partial<DirectDebitFile> = {}): DirectDebitFile {
  return {
    messageId: '42',
    createdAt: '2026-12-04T10:15:30.123Z',
    creditor: CREDITOR,
    debits: [debit()],
    ...change,
  }
}

function validationIssues(run: () => unknown) {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).issues!.map(({ field, rule }) => `${field} ${rule}`)
  }
  throw new Error('no validation error')
}

describe('pain008', () => {
  it('writes one debit as the whole expected document', () => {
    expect(pain008(file())).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02">
  <CstmrDrctDbtInitn>
    <GrpHdr>
      <MsgId>42</MsgId>
      <CreDtTm>2026-12-04T10:15:30</CreDtTm>
      <NbOfTxs>1</NbOfTxs>
      <CtrlSum>75.50</CtrlSum>
      <InitgPty>
        <Nm>Orchestra Hosting SL</Nm>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>42-FRST-20261209</PmtInfId>
      <PmtMtd>DD</PmtMtd>
      <NbOfTxs>1</NbOfTxs>
      <CtrlSum>75.50</CtrlSum>
      <PmtTpInf>
        <SvcLvl>
          <Cd>SEPA</Cd>
        </SvcLvl>
        <LclInstrm>
          <Cd>CORE</Cd>
        </LclInstrm>
        <SeqTp>FRST</SeqTp>
      </PmtTpInf>
      <ReqdColltnDt>2026-12-09</ReqdColltnDt>
      <Cdtr>
        <Nm>Orchestra Hosting SL</Nm>
      </Cdtr>
      <CdtrAcct>
        <Id>
          <IBAN>ES9121000418450200051332</IBAN>
        </Id>
      </CdtrAcct>
      <CdtrAgt>
        <FinInstnId>
          <BIC>CAIXESBB</BIC>
        </FinInstnId>
      </CdtrAgt>
      <ChrgBr>SLEV</ChrgBr>
      <CdtrSchmeId>
        <Id>
          <PrvtId>
            <Othr>
              <Id>ES97ZZZB12345678</Id>
              <SchmeNm>
                <Prtry>SEPA</Prtry>
              </SchmeNm>
            </Othr>
          </PrvtId>
        </Id>
      </CdtrSchmeId>
      <DrctDbtTxInf>
        <PmtId>
          <EndToEndId>I2026000012-7</EndToEndId>
        </PmtId>
        <InstdAmt Ccy="EUR">75.50</InstdAmt>
        <DrctDbtTx>
          <MndtRltdInf>
            <MndtId>ACC12-SRC3</MndtId>
            <DtOfSgntr>2025-03-14</DtOfSgntr>
          </MndtRltdInf>
        </DrctDbtTx>
        <DbtrAgt>
          <FinInstnId>
            <Othr>
              <Id>NOTPROVIDED</Id>
            </Othr>
          </FinInstnId>
        </DbtrAgt>
        <Dbtr>
          <Nm>Ana Fernandez</Nm>
        </Dbtr>
        <DbtrAcct>
          <Id>
            <IBAN>DE89370400440532013000</IBAN>
          </Id>
        </DbtrAcct>
        <RmtInf>
          <Ustrd>Bill I2026000012</Ustrd>
        </RmtInf>
      </DrctDbtTxInf>
    </PmtInf>
  </CstmrDrctDbtInitn>
</Document>
`)
  })

  it('passes the real xmllint and the shipped validator with that schema', async () => {
    const xml = pain008(file())
    expect(xmllintErrors(XSD, xml)).toBe('')
    expect(await sepaSchemaErrors('pain008', xml)).toEqual([])
  })

  it('keeps every hostile debtor name valid, in the SEPA set and within 70 characters', () => {
    const debits = HOSTILE_NAMES.map((debtorName, i) => debit({ transactionId: i + 1, debtorName }))
    const xml = pain008(file({ debits }))
    expect(xmllintErrors(XSD, xml)).toBe('')
    const names = elementTexts(xml, 'Nm').slice(2)
    expect(names).toHaveLength(HOSTILE_NAMES.length)
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9/\-?:().,+ ]*(&apos;[A-Za-z0-9/\-?:().,+ ]*)*$/)
      expect(name.replaceAll('&apos;', "'").length).toBeLessThanOrEqual(70)
    }
    expect(names).toContain('script alert(1) /script')
    expect(names).toContain('Smith + Sons Ltd')
    expect(names).toContain('&apos;Quoted&apos; &apos;name&apos;')
    expect(names).toContain('Line one Line two three four')
    expect(names).toContain('Emoji family')
    expect(names).toContain('Dmitrii Shchukin')
    expect(names).toContain('Eleni Papadopoulou')
    expect(names).toContain('Zofia Lukasiewicz-Zolc')
    expect(names).toContain(
      'A name far longer than the seventy characters a SEPA bank keeps of any',
    )
  })

  it('refuses a debtor name with nothing a SEPA file can carry, naming the transaction', () => {
    const debits = [debit({ transactionId: 5, debtorName: '😀 中文 \u202e' })]
    expect(validationIssues(() => pain008(file({ debits })))).toEqual([
      'transactions.5.debtorName sepaText',
    ])
  })

  it('puts FRST and RCUR debits, and each collection date, in payments of their own', () => {
    const debits = [
      debit({ transactionId: 1, sequence: 'RCUR', amount: '10.00' }),
      debit({ transactionId: 2, sequence: 'FRST', amount: '20.00', debtorIban: IBANS.nl }),
      debit({ transactionId: 3, sequence: 'RCUR', amount: '30.05', debtorIban: IBANS.fr }),
      debit({ transactionId: 4, sequence: 'RCUR', amount: '1.00', collectionOn: '2026-12-01' }),
    ]
    const xml = pain008(file({ debits }))
    expect(xmllintErrors(XSD, xml)).toBe('')
    expect(elementTexts(xml, 'PmtInfId')).toEqual([
      '42-RCUR-20261201',
      '42-FRST-20261209',
      '42-RCUR-20261209',
    ])
    expect(elementTexts(xml, 'SeqTp')).toEqual(['RCUR', 'FRST', 'RCUR'])
    expect(elementTexts(xml, 'ReqdColltnDt')).toEqual(['2026-12-01', '2026-12-09', '2026-12-09'])
    expect(elementTexts(xml, 'NbOfTxs')).toEqual(['4', '1', '1', '2'])
    expect(elementTexts(xml, 'CtrlSum')).toEqual(['61.05', '1.00', '20.00', '40.05'])
    expect(elementTexts(xml, 'EndToEndId')).toEqual([
      'I2026000012-4',
      'I2026000012-2',
      'I2026000012-1',
      'I2026000012-3',
    ])
  })

  it('sums the control sum exactly, where binary floats would be off', () => {
    const amounts = ['0.10', '0.20', '0.70', '999999999.99', '999999999.99', '0.01']
    const debits = amounts.map((amount, i) => debit({ transactionId: i + 1, amount }))
    const xml = pain008(file({ debits }))
    expect(elementText(xml, 'CtrlSum')).toBe('2000000000.99')
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(xmllintErrors(XSD, xml)).toBe('')
  })

  it('names every broken rule of the creditor and the debits in one error', () => {
    const creditor = { name: ' ', iban: 'ES00 1234', bic: 'BANK', creditorId: 'InvalidAT02ID' }
    const debits = [
      debit({ transactionId: 3, amount: '0.00', currency: 'usd', debtorIban: 'DE00123' }),
      debit({ transactionId: 4, amount: '1.005', collectionOn: '2026-13-01', mandateId: '' }),
    ]
    expect(validationIssues(() => pain008(file({ creditor, debits, messageId: '' })))).toEqual([
      'messageId sepaId',
      'creditor.name sepaText',
      'creditor.iban iban',
      'creditor.bic bic',
      'creditor.creditorId creditorId',
      'transactions.3.amount sepaAmount',
      'transactions.3.currency sepaCurrency',
      'transactions.3.debtorIban iban',
      'transactions.4.collectionOn isoDate',
      'transactions.4.amount sepaAmount',
      'transactions.4.mandateId sepaText',
    ])
  })

  it('writes the IBAN compact in capitals and the currency upper-cased', () => {
    const xml = pain008(file({ debits: [debit({ debtorIban: IBANS.nl, currency: 'eur' })] }))
    expect(xml).toContain('<IBAN>NL91ABNA0417164300</IBAN>')
    expect(xml).toContain('<InstdAmt Ccy="EUR">75.50</InstdAmt>')
  })

  it('lets the shipped validator refuse a file that breaks the schema', async () => {
    const broken = pain008(file()).replace('<SeqTp>FRST</SeqTp>', '<SeqTp>NEXT</SeqTp>')
    expect(xmllintErrors(XSD, broken)).toContain('SeqTp')
    const errors = await sepaSchemaErrors('pain008', broken)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^line 25: .*SeqTp.*NEXT/)
  })
})
