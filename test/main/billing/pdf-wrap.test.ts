import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wrapText, type Measure } from '../../../src-main/billing/pdf/wrap'

/** A monospaced measure: every character is 1 point wide, so widths read as lengths. */
const mono: Measure = (text) => [...text].length

describe('wrapText', () => {
  it('keeps a text that fits on one line', () => {
    expect(wrapText('Web hosting', mono, 20)).toEqual(['Web hosting'])
  })

  it('breaks at the last space that fits', () => {
    expect(wrapText('one two three four', mono, 9)).toEqual(['one two', 'three', 'four'])
  })

  it('breaks a word wider than the column between characters', () => {
    expect(wrapText('site abcdefghijkl.example', mono, 8)).toEqual([
      'site',
      'abcdefgh',
      'ijkl.exa',
      'mple',
    ])
  })

  it('keeps the line breaks of the text', () => {
    expect(wrapText('first line\nsecond\r\nthird', mono, 40)).toEqual([
      'first line',
      'second',
      'third',
    ])
  })

  it('gives one empty line for an empty text', () => {
    expect(wrapText('', mono, 10)).toEqual([''])
  })

  it('loses no character and never exceeds the width', () => {
    const word = fc.string({
      minLength: 1,
      maxLength: 30,
      unit: fc.constantFrom('a', 'ß', 'Ж', 'λ'),
    })
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.integer({ min: 1, max: 60 }),
        (words, width) => {
          const text = words.join(' ')
          const lines = wrapText(text, mono, width)
          expect(lines.every((line) => mono(line) <= width)).toBe(true)
          expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
        },
      ),
    )
  })
})
