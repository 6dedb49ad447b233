import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  joinSql,
  likeContains,
  mysqlGrantDatabase,
  mysqlGrantPattern,
  mysqlIdentifier,
  mysqlSql,
  mysqlString,
  passwdFileField,
  pgIdentifier,
  pgSql,
  pgString,
  postfixTableWord,
  Secret,
  sh,
  shellQuote,
  sieveString,
  sqlIdentifier,
  sqlShellWord,
  zoneCharacterStrings,
  zoneMailbox,
} from '../../../src-main/core/escape'
import { hostileString, latin1Bytes } from '../../support/hostile'
import { runBash } from '../../support/shell'
import { checkSieve } from '../../../src-main/mail/sieve-check'

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

/** How many generated values each property sends through bash, all in one process. */
const VALUES = 1_500

// The canaries touch ./pwned… in a folder of their own, which must stay empty.
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-escape-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A value as it reaches a script: text as UTF-8, or raw bytes read as latin1. */
interface Value {
  text: string
  encoding: 'utf8' | 'latin1'
}

const hostileValue: fc.Arbitrary<Value> = fc.oneof(
  {
    weight: 9,
    arbitrary: hostileString('./').map((text) => ({ text, encoding: 'utf8' as const })),
  },
  { weight: 1, arbitrary: latin1Bytes.map((text) => ({ text, encoding: 'latin1' as const })) },
)

/** The words bash printed with `printf '%s\0'`, as raw bytes. */
function printedWords(stdout: Buffer): Buffer[] {
  const words: Buffer[] = []
  for (let start = 0, end; (end = stdout.indexOf(0, start)) !== -1; start = end + 1) {
    words.push(stdout.subarray(start, end))
  }
  return words
}

/** Runs the lines as one script and lists every word that did not come back as it went in. */
function mismatches(lines: Buffer[], expected: Buffer[], locale = 'C.UTF-8') {
  const result = runBash(Buffer.concat(lines), { cwd: dir, locale })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  const words = printedWords(result.stdout)
  expect(words).toHaveLength(expected.length)
  return expected.flatMap((want, index) =>
    want.equals(words[index]!)
      ? []
      : [{ index, sent: want.toString('latin1'), got: words[index]!.toString('latin1') }],
  )
}

const line = (command: string, encoding: Value['encoding'] = 'utf8') =>
  Buffer.from(`${command}\n`, encoding)

describe('shellQuote', () => {
  it('leaves a word without special characters as it is', () => {
    expect(shellQuote('ana')).toBe('ana')
    expect(shellQuote('/etc/orchestra/accounts/ana.json')).toBe('/etc/orchestra/accounts/ana.json')
    expect(shellQuote(-42)).toBe('-42')
  })

  it('quotes the empty string as one empty word', () => {
    expect(shellQuote('')).toBe("''")
  })

  it('closes, escapes and reopens a single quote', () => {
    expect(shellQuote("it's")).toBe("'it'\\''s'")
  })

  it('refuses a NUL character wherever it is', () => {
    for (const text of ['\0', 'ana\0', '\0ana', 'a\0b']) {
      expect(() => shellQuote(text)).toThrow('A shell word cannot hold a NUL character')
    }
  })

  it.each(['C.UTF-8', 'C'])(
    'brings 1,500 hostile values back byte for byte and runs none of them (LC_ALL=%s)',
    (locale) => {
      const property = fc.property(
        fc.array(hostileValue, { minLength: VALUES, maxLength: VALUES }),
        (values) => {
          const lines = values.map(({ text, encoding }) =>
            line(`printf '%s\\0' ${shellQuote(text)}`, encoding),
          )
          const expected = values.map(({ text, encoding }) => Buffer.from(text, encoding))
          expect(mismatches(lines, expected, locale)).toEqual([])
          expect(readdirSync(dir)).toEqual([])
        },
      )
      // The mismatch list names every failing value; shrinking 1,500 of them would take long.
      fc.assert(property, { numRuns: 1, endOnFailure: true })
    },
  )
})

describe('sh', () => {
  it('keeps the literal parts and quotes each value as one word', () => {
    const path = "/srv/a b; rm -rf '/'"
    expect(sh`rm -f -- ${path} > /dev/null`.text).toBe(
      `rm -f -- '/srv/a b; rm -rf '\\''/'\\''' > /dev/null`,
    )
  })

  it('turns an array into one word per item, keeping empty ones', () => {
    expect(sh`ls ${['a b', '', 'c', 7]}`.text).toBe("ls 'a b' '' c 7")
  })

  it('passes shell text it wrote itself through unquoted', () => {
    const inner = sh`echo ${'a b'}`
    expect(sh`${inner} | wc -c`.text).toBe("echo 'a b' | wc -c")
  })

  it('refuses a NUL in a value, an array item or a secret', () => {
    expect(() => sh`echo ${'a\0'}`).toThrow(/NUL/)
    expect(() => sh`echo ${['a', 'b\0']}`).toThrow(/NUL/)
    expect(() => sh`echo ${new Secret('\0')}`).toThrow(/NUL/)
  })

  it('gives 1,000 commands of hostile values one word per value, several per array', () => {
    const item = hostileString('./')
    const command = fc.record({
      single: item,
      list: fc.array(item, { maxLength: 4 }),
      number: fc.oneof(fc.integer(), fc.double()),
    })
    const property = fc.property(
      fc.array(command, { minLength: 1_000, maxLength: 1_000 }),
      (commands) => {
        const texts = commands.map(({ single, list, number }) => {
          const text = sh`printf '%s\\0' ${single} ${list} ${number}`.text
          expect(text.startsWith(`printf '%s\\0' `)).toBe(true)
          return text
        })
        const expected = commands.flatMap(({ single, list, number }) =>
          [single, ...list, String(number)].map((word) => Buffer.from(word)),
        )
        expect(
          mismatches(
            texts.map((text) => line(text)),
            expected,
          ),
        ).toEqual([])
        expect(readdirSync(dir)).toEqual([])
      },
    )
    fc.assert(property, { numRuns: 1, endOnFailure: true })
  })
})

describe('Secret', () => {
  const password = "pa's $(touch ./pwned) `x`"

  it("appears as '***' in the redacted text and in full in the text", () => {
    const command = sh`printf '%s\\0' ${'root'} ${new Secret(password)}`
    expect(command.redacted).toBe(`printf '%s\\0' root '***'`)
    expect(command.text).toBe(`printf '%s\\0' root ${shellQuote(password)}`)
    expect(command.hasSecrets).toBe(true)
  })

  it('reaches the shell as one word, while the redacted command stays valid shell', () => {
    const command = sh`printf '%s\\0' ${new Secret(password)}`
    const [sent, shown] = [command.text, command.redacted].map((text) =>
      runBash(text, { cwd: dir }),
    )
    expect(printedWords(sent!.stdout).map(String)).toEqual([password])
    expect(printedWords(shown!.stdout).map(String)).toEqual(['***'])
    expect(readdirSync(dir)).toEqual([])
  })

  it('turns into *** as a string, so it cannot leak through a template by mistake', () => {
    expect(`${new Secret(password)}`).toBe('***')
  })

  it('leaves a command without secrets unmarked', () => {
    expect(sh`echo ${password}`.hasSecrets).toBe(false)
  })
})

describe('zoneCharacterStrings', () => {
  it('quotes short data as one string', () => {
    expect(zoneCharacterStrings('v=spf1 mx -all')).toBe('"v=spf1 mx -all"')
    expect(zoneCharacterStrings('')).toBe('""')
  })

  it('splits data every 255 bytes', () => {
    expect(zoneCharacterStrings('a'.repeat(256))).toBe(`"${'a'.repeat(255)}" "a"`)
  })

  it('escapes quotes and backslashes, and writes other bytes as \\DDD', () => {
    expect(zoneCharacterStrings('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(zoneCharacterStrings('a\nb;é')).toBe('"a\\010b;\\195\\169"')
  })
})

describe('zoneMailbox', () => {
  it('turns an address into an RFC 1035 mailbox, escaping dots of the local part', () => {
    expect(zoneMailbox('hostmaster@orchestra.lan')).toBe('hostmaster.orchestra.lan.')
    expect(zoneMailbox('john.doe@example.org')).toBe('john\\.doe.example.org.')
  })
})

describe('SQL literals and identifiers', () => {
  it('doubles the quote of each kind and escapes backslashes in literals', () => {
    expect(mysqlIdentifier('a`b')).toBe('`a``b`')
    expect(pgIdentifier('a"b')).toBe('"a""b"')
    expect(mysqlString(`it's a \\ "x"`)).toBe(`'it''s a \\\\ "x"'`)
    expect(pgString(`it's a \\ "x"`)).toBe(`E'it''s a \\\\ "x"'`)
  })

  it('keeps a literal on one line', () => {
    expect(mysqlString('a\nb\rc\x1ad')).toBe("'a\\nb\\rc\\Zd'")
    expect(pgString('a\nb\rc')).toBe("E'a\\nb\\rc'")
  })

  it('takes _ and % in a GRANT database name literally', () => {
    expect(mysqlGrantPattern('a_b%c\\d')).toBe('a\\_b\\%c\\\\d')
    expect(mysqlGrantDatabase('shop_db')).toBe('`shop\\_db`')
  })

  it('refuses NUL in every SQL context', () => {
    for (const quote of [mysqlIdentifier, mysqlString, pgIdentifier, pgString]) {
      expect(() => quote('a\0b')).toThrow(/NUL/)
    }
  })

  it('writes values as literals, names as identifiers, and secrets redacted', () => {
    const hash = new Secret('*ABC')
    const sql = mysqlSql`ALTER USER ${"o'k"}@${'localhost'} IDENTIFIED BY PASSWORD ${hash};`
    expect(sql.text).toBe("ALTER USER 'o''k'@'localhost' IDENTIFIED BY PASSWORD '*ABC';")
    expect(sql.redacted).toBe("ALTER USER 'o''k'@'localhost' IDENTIFIED BY PASSWORD '***';")
    expect(pgSql`DROP ROLE ${sqlIdentifier('a"b')} -- ${3}`.text).toBe('DROP ROLE "a""b" -- 3')
  })

  it('hands SQL to the shell as one word that printf gives back unchanged', () => {
    const sql = joinSql([mysqlSql`SELECT ${"'$(touch ./pwned)`x`'"};`, mysqlSql`SELECT 1;`])
    const result = runBash(sh`printf '%s\\0' ${sqlShellWord(sql)}`.text, { cwd: dir })
    expect(printedWords(result.stdout).map(String)).toEqual([sql.text])
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('sieveString', () => {
  it('escapes the quote and the backslash only, and keeps line breaks', () => {
    expect(sieveString('say "hi" \\ bye\nnext')).toBe('"say \\"hi\\" \\\\ bye\nnext"')
    expect(() => sieveString('a\0b')).toThrow(/NUL/)
  })

  it('keeps any hostile text one string of one test that sievec compiles', async () => {
    const samples = fc.sample(hostileString('/tmp/sieve-'), { numRuns: 25, seed: 7 })
    for (const text of samples) {
      const script = `if header :is "subject" ${sieveString(text)} { keep; }\n`
      expect(await checkSieve(script), JSON.stringify(text)).toEqual([])
    }
  })
})

describe('passwdFileField and postfixTableWord', () => {
  it('refuse what would start another field, line or word', () => {
    for (const bad of ['a:b', 'a\nb', 'a\rb', 'a\0b']) expect(() => passwdFileField(bad)).toThrow()
    for (const bad of ['a b', 'a\tb', 'a\nb', '#a', ''])
      expect(() => postfixTableWord(bad)).toThrow()
    expect(passwdFileField('{SHA512-CRYPT}$6$s$h')).toBe('{SHA512-CRYPT}$6$s$h')
    expect(postfixTableWord('info@example.org')).toBe('info@example.org')
  })
})
