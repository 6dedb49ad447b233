import { describe, expect, it } from 'vitest'
import { likeContains } from '../../../src-main/core/escape'

describe('likeContains', () => {
  it('wraps plain text in wildcards', () => {
    expect(likeContains('puig')).toBe('%puig%')
  })

  it('escapes the wildcards and the escape character itself', () => {
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%')
  })

  it('leaves quotes to the parameter binding', () => {
    expect(likeContains("o'neil")).toBe("%o'neil%")
  })
})
