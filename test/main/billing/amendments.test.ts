import { describe, expect, it } from 'vitest'
import {
  correctedByLine,
  planAmendment,
  type AmendableBill,
  type AmendableLine,
} from '../../../src-main/billing/amendments'
import { cents, money, sum } from '../../../src-main/billing/money'
import { billTotals } from '../../../src-main/billing/totals'
import { AppError } from '../../../src-shared/errors'

// Spec 7.7, with the product rule: amendments carry negated amounts and may correct a part.

const invoice: AmendableBill = {
  id: 5,
  type: 'INVOICE',
  number: 'I20260007',
  isOpen: false,
  createdOn: '2026-03-02',
  accountId: 100,
}

const line = (id: number, subtotal: string, tax: string, sublines: string[] = []) =>
  ({
    id,
    description: `Line ${id}`,
    subtotal,
    tax,
    sublines,
    startOn: '2026-01-01',
    endOn: '2027-01-01',
    serviceId: 10,
  }) satisfies AmendableLine

const lines = [line(1, '100.00', '21', ['-10.00']), line(2, '50.00', '21'), line(3, '8.00', '10')]

function refusal(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('was not refused')
}

describe('planAmendment (spec 7.7)', () => {
  it('amends a whole invoice with one negated line per tax rate, in its own type', () => {
    const plan = planAmendment(invoice, lines)
    expect(plan.type).toBe('AMENDMENTINVOICE')
    expect(plan.amendOfId).toBe(5)
    expect(plan.lines.map((l) => [l.description, cents(l.subtotal), cents(l.tax)])).toEqual([
      ['Invoice I20260007 subtotal for tax 10%', '-8.00', '10.00'],
      ['Invoice I20260007 subtotal for tax 21%', '-140.00', '21.00'],
    ])
    expect(plan.lines.every((l) => l.startOn === '2026-03-02')).toBe(true)
  })

  it('cancels the original exactly: the two bills’ totals add up to zero', () => {
    const plan = planAmendment(invoice, lines)
    const original = billTotals(lines)
    const amendment = billTotals(
      plan.lines.map((l) => ({ subtotal: l.subtotal, tax: l.tax, sublines: [] })),
    )
    expect(cents(original.total)).toBe('178.20')
    expect(cents(sum([original.total, amendment.total]))).toBe('0.00')
  })

  it('says what it amends in its comments', () => {
    expect(planAmendment(invoice, lines).comments).toBe(
      'Amendment invoice of invoice I20260007, created on March 2, 2026',
    )
  })

  it("writes its comments and lines in the account's language", () => {
    const spanish = planAmendment({ ...invoice, language: 'ES' }, lines)
    expect(spanish.comments).toBe(
      'Factura rectificativa de la factura I20260007, creada el 2 de marzo de 2026',
    )
    expect(spanish.lines[0]!.description).toBe('Subtotal de la factura I20260007, impuesto del 10%')
  })

  it('amends a fee as an amendment fee', () => {
    expect(planAmendment({ ...invoice, type: 'FEE' }, lines).type).toBe('AMENDMENTFEE')
  })

  it('corrects only the chosen line, for all it holds net of its discounts', () => {
    const plan = planAmendment(invoice, lines, [{ lineId: 1 }])
    expect(plan.lines).toHaveLength(1)
    expect(plan.lines[0]).toMatchObject({
      description: 'Invoice I20260007: Line 1',
      amendedLineId: 1,
      startOn: '2026-01-01',
      endOn: '2027-01-01',
      orderId: null,
    })
    expect(cents(plan.lines[0]!.subtotal)).toBe('-90.00')
    expect(cents(plan.lines[0]!.tax)).toBe('21.00')
  })

  it('corrects a smaller amount of a line', () => {
    const plan = planAmendment(invoice, lines, [{ lineId: 2, amount: '12.50' }])
    expect(cents(plan.lines[0]!.subtotal)).toBe('-12.50')
  })

  it('never gives back more of a line than earlier amendments left in it', () => {
    const previous = { wholeBill: false, byLine: new Map([[2, money('40.00')]]) }
    const error = refusal(() =>
      planAmendment(invoice, lines, [{ lineId: 2, amount: '10.01' }], previous),
    )
    expect(error.issues?.[0]).toMatchObject({ field: 'lines.0.amount', rule: 'range' })
    expect(error.message).toContain('at most 10.00')
    const rest = planAmendment(invoice, lines, [{ lineId: 2 }], previous)
    expect(cents(rest.lines[0]!.subtotal)).toBe('-10.00')
  })

  it('refuses a whole amendment of a bill already amended, in whole or in part', () => {
    const partly = { wholeBill: false, byLine: new Map([[1, money('1.00')]]) }
    expect(refusal(() => planAmendment(invoice, lines, undefined, partly)).issues?.[0]?.rule).toBe(
      'once',
    )
    const wholly = { wholeBill: true, byLine: new Map() }
    expect(refusal(() => planAmendment(invoice, lines, [{ lineId: 1 }], wholly)).message).toMatch(
      /already amended/,
    )
  })

  it('refuses an open bill, a pro forma and an amendment', () => {
    expect(refusal(() => planAmendment({ ...invoice, isOpen: true }, lines)).field).toBe('isOpen')
    for (const type of ['PROFORMA', 'AMENDMENTINVOICE', 'AMENDMENTFEE'] as const) {
      expect(refusal(() => planAmendment({ ...invoice, type }, lines)).field).toBe('type')
    }
  })

  it('refuses a line of another bill, a zero or negative amount, and a line twice', () => {
    expect(refusal(() => planAmendment(invoice, lines, [{ lineId: 9 }])).field).toBe('lines.0')
    for (const amount of ['0', '-1.00']) {
      const error = refusal(() => planAmendment(invoice, lines, [{ lineId: 1, amount }]))
      expect(error.field).toBe('lines.0.amount')
    }
    const twice = [
      { lineId: 3, amount: '1.00' },
      { lineId: 3, amount: '1.00' },
    ]
    expect(refusal(() => planAmendment(invoice, lines, twice)).field).toBe('lines')
  })
})

describe('correctedByLine', () => {
  it('sums what amendment lines gave back of each line, ignoring whole-bill lines', () => {
    const corrected = correctedByLine([
      { amendedLineId: 1, subtotal: '-10.00' },
      { amendedLineId: 1, subtotal: '-2.50' },
      { amendedLineId: null, subtotal: '-5.00' },
    ])
    expect([...corrected].map(([id, amount]) => [id, cents(amount)])).toEqual([[1, '12.50']])
  })
})
