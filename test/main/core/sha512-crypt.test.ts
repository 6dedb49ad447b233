import { execFileSync } from 'node:child_process'
import { encrypt, verify } from 'unixcrypt'
import { describe, expect, it } from 'vitest'
import { sha512Crypt, verifySha512Crypt } from '../../../src-main/core/sha512-crypt'

const openssl = (password: string, salt: string) =>
  execFileSync('openssl', ['passwd', '-6', '-salt', salt, '-stdin'], {
    input: password,
    encoding: 'utf8',
  }).trim()

describe('sha512Crypt', () => {
  it.each([
    ['password', 'saltsalt'],
    ['é', 'x'],
    [`it's $(touch /etc/pwned) ñ €`, 'abcdefghijklmnop'],
    ['a'.repeat(200), 'Z9./'],
  ])('gives what openssl passwd -6 gives for %j', (password, salt) => {
    expect(sha512Crypt(password, salt)).toBe(openssl(password, salt))
  })

  it('matches glibc’s published rounds vector', () => {
    expect(sha512Crypt('Hello world!', 'saltstringsaltstring', 10000)).toBe(
      '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/Ur' +
        'jmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
    )
  })

  it('verifies its own hashes and unixcrypt’s, and unixcrypt verifies its', () => {
    const own = sha512Crypt('s3cret')
    expect(own).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/)
    expect(verifySha512Crypt('s3cret', own)).toBe(true)
    expect(verifySha512Crypt('s3cre', own)).toBe(false)
    expect(verify('s3cret', own)).toBe(true)
    expect(verifySha512Crypt('other', encrypt('other'))).toBe(true)
    expect(verifySha512Crypt('x', 'not a hash')).toBe(false)
  })
})
