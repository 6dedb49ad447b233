import { describe, expect, it } from 'vitest'
import { pain001, type CreditTransferFile } from '../../../../src-main/payments/sepa/pain001'
import { sepaSchemaErrors } from '../../../../src-main/payments/sepa/validate'
import { AppError } from '../../../../src-shared/errors'
import {
  CREDITOR,
  elementText,
  elementTexts,
  HOSTILE_NAMES,
  IBANS,
  transfer,
  xmllintErrors,
} from './sepa-fixtures'

const XSD = 'pain.001.001.03.xsd'

function file(change: Partial<CreditTransferFile> = {}): CreditTransferFile {
  return {
    messageId: '43',
    createdAt: '2026-12-04T10:15:30Z',
    debtor: CREDITOR,
    executionOn: '2026-12-14',
    transfers: [transfer()],
    ...change,
  }
}

describe('pain001', () => {
  it('writes one refund as the whole expected document', () => {
    expect(pain001(file())).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>43</MsgId>
      <CreDtTm>2026-12-04T10:15:30</CreDtTm>
      <NbOfTxs>1</NbOfTxs>
      <CtrlSum>12.10</CtrlSum>
      <InitgPty>
        <Nm>Orchestra Hosting SL</Nm>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>43-TRF</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <NbOfTxs>1</NbOfTxs>
      <CtrlSum>12.10</CtrlSum>
      <PmtTpInf>
        <SvcLvl>
          <Cd>SEPA</Cd>
        </SvcLvl>
      </PmtTpInf>
      <ReqdExctnDt>2026-12-14</ReqdExctnDt>
      <Dbtr>
        <Nm>Orchestra Hosting SL</Nm>
      </Dbtr>
      <DbtrAcct>
        <Id>
          <IBAN>ES9121000418450200051332</IBAN>
        </Id>
      </DbtrAcct>
      <DbtrAgt>
        <FinInstnId>
          <BIC>CAIXESBB</BIC>
        </FinInstnId>
      </DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>A2026000003-9</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">12.10</InstdAmt>
        </Amt>
        <CdtrAgt>
          <FinInstnId>
            <Othr>
              <Id>NOTPROVIDED</Id>
            </Othr>
          </FinInstnId>
        </CdtrAgt>
        <Cdtr>
          <Nm>Jurgen Weiss</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>GB82WEST12345698765432</IBAN>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>Refund of bill A2026000003</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`)
  })

  it('passes the real xmllint and the shipped validator with that schema', async () => {
    const xml = pain001(file())
    expect(xmllintErrors(XSD, xml)).toBe('')
    expect(await sepaSchemaErrors('pain001', xml)).toEqual([])
  })

  it('keeps every hostile creditor name valid and in the SEPA set', () => {
    const transfers = HOSTILE_NAMES.map((creditorName, i) =>
      transfer({ transactionId: i + 1, creditorName, creditorIban: IBANS.fr }),
    )
    const xml = pain001(file({ transfers }))
    expect(xmllintErrors(XSD, xml)).toBe('')
    const names = elementTexts(xml, 'Nm').slice(2)
    expect(names).toHaveLength(HOSTILE_NAMES.length)
    for (const name of names) expect(name).toMatch(/^([A-Za-z0-9/\-?:().,+ ]|&apos;){1,70}$/)
    expect(names).toContain('Smith + Sons Ltd')
    expect(names).toContain('+amp + 38 +lt')
  })

  it('sums refunds exactly and counts them', () => {
    const amounts = ['0.10', '0.20', '1234567.89']
    const transfers = amounts.map((amount, i) => transfer({ transactionId: i + 1, amount }))
    const xml = pain001(file({ transfers }))
    expect(elementTexts(xml, 'CtrlSum')).toEqual(['1234568.19', '1234568.19'])
    expect(elementTexts(xml, 'NbOfTxs')).toEqual(['3', '3'])
    expect(elementText(xml, 'ReqdExctnDt')).toBe('2026-12-14')
    expect(xmllintErrors(XSD, xml)).toBe('')
  })

  it('refuses a negative amount, another currency and a bad date, naming each', () => {
    const transfers = [transfer({ transactionId: 2, amount: '-5.00', currency: 'GBP' })]
    const run = () => pain001(file({ transfers, executionOn: '14/12/2026' }))
    expect(run).toThrow(AppError)
    try {
      run()
    } catch (error) {
      expect((error as AppError).issues!.map((issue) => issue.field)).toEqual([
        'executionOn',
        'transactions.2.amount',
        'transactions.2.currency',
      ])
    }
  })
})
