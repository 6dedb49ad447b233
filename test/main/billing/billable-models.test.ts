import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { BILLABLE_MODELS } from '../../../src-shared/schemas/billing-services'
import {
  BILLABLE_MODEL_SPECS,
  objectText,
  toCelValues,
} from '../../../src-main/billing/billable-models'
import { Money } from '../../../src-main/billing/money'

describe('BILLABLE_MODEL_SPECS', () => {
  it('declares the fields of every billable model', () => {
    expect(Object.keys(BILLABLE_MODEL_SPECS)).toEqual([...BILLABLE_MODELS])
    for (const model of BILLABLE_MODELS) {
      expect(BILLABLE_MODEL_SPECS[model].fields.id, model).toBe('int')
    }
  })
})

describe('toCelValues', () => {
  it('keeps only declared fields', () => {
    const values = toCelValues('mailbox', { id: 1, name: 'ana', passwordHash: '$6$x', version: 3 })
    expect(Object.keys(values)).toEqual(['id', 'name', 'resources'])
  })

  it('gives integers as BigInt and decimals as Money', () => {
    const values = toCelValues('mailbox', { id: 1, resources: { disk: { used: '2.50' } } })
    expect(values.id).toBe(1n)
    const disk = (values.resources as { disk: { used: Money } }).disk
    expect(disk.used).toBeInstanceOf(Money)
    expect(disk.used.toFixed(2)).toBe('2.50')
  })

  it("takes another decimal.js configuration's value through its exact text", () => {
    const foreign = new Decimal('1.25')
    const values = toCelValues('mailbox', { id: 1, resources: { disk: { used: foreign } } })
    const disk = (values.resources as { disk: { used: Money } }).disk
    expect(disk.used).toBeInstanceOf(Money)
    expect(disk.used.toString()).toBe('1.25')
  })

  it('gives every declared resource, unmeasured ones empty', () => {
    expect(toCelValues('account', { id: 1 }).resources).toEqual({ disk: {}, traffic: {} })
  })

  it('leaves a null value out, as a missing one', () => {
    expect(toCelValues('domain', { id: 1, top: null })).toEqual({ id: 1n })
  })

  it('throws naming the field when a loader gives the wrong kind of value', () => {
    expect(() => toCelValues('mailbox', { id: '1' })).toThrow('mailbox.id must be a whole number')
    expect(() => toCelValues('mailbox', { id: 1, resources: { disk: { used: 0.1 } } })).toThrow(
      'mailbox.resources.disk.used must be a decimal',
    )
  })
})

describe('objectText', () => {
  it("names an object by its model's name field", () => {
    expect(objectText('vps', { hostname: 'vps1.example.com' })).toBe('vps1.example.com')
    expect(objectText('contractedplan', { plan: { name: 'basic', verbose_name: '' } })).toBe(
      'basic',
    )
  })
})
