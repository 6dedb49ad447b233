import { execFileSync } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAIL_FILTERINGS } from '../../../src-shared/schemas/mail'
import { renderDovecotSnippet, renderPostfixSnippet } from '../../../src-main/mail/configs'
import { passwdField, renderPasswdFile } from '../../../src-main/mail/passwd-file'
import {
  isHostedHere,
  renderAliasMap,
  renderDomainList,
  renderMailboxMap,
} from '../../../src-main/mail/postfix-maps'
import { fileintoFolders, renderSieve } from '../../../src-main/mail/sieve'
import { checkSieve } from '../../../src-main/mail/sieve-check'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mail-render-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const run = (file: string, args: string[]) => execFileSync(file, args, { encoding: 'utf8' })
const sieve = (filtering: (typeof MAIL_FILTERINGS)[number], autoresponses = [] as never[]) =>
  renderSieve({ filtering, customFiltering: 'keep;', spamHeader: 'X-Spam-Score', autoresponses })

describe('renderSieve', () => {
  it('writes a script sievec compiles for every filtering', async () => {
    for (const filtering of MAIL_FILTERINGS) {
      expect(await checkSieve(sieve(filtering)), filtering).toEqual([])
    }
  })

  it('writes nothing for DISABLE and files spam at 8 for REDIRECT', () => {
    expect(sieve('DISABLE')).toBe('')
    const redirect = sieve('REDIRECT')
    expect(redirect).toContain('"X-Spam-Score" "8"')
    expect(redirect).toContain('fileinto "Spam";')
    expect(sieve('REJECT5')).toContain('"5") {\n  discard;')
  })

  it('answers for each address once, in one chain, and skips a catch-all', async () => {
    const script = renderSieve({
      filtering: 'DISABLE',
      customFiltering: '',
      spamHeader: 'X-Spam-Score',
      autoresponses: [
        { email: 'a@example.org', subject: '', message: 'away' },
        { email: 'b@example.org', subject: 'Out', message: 'gone "far"' },
        { email: '@example.org', subject: 'Out', message: 'x' },
      ],
    })
    expect(script.match(/vacation :days/g)).toHaveLength(2)
    expect(script).toContain('elsif address :is ["to", "cc"] "b@example.org"')
    expect(script).not.toContain('"@example.org"')
    expect(await checkSieve(script)).toEqual([])
  })
})

/**
 * What Pigeonhole's sieve-test says a script does with a message: the actions it lists. It runs
 * as nobody (Dovecot refuses mail access as root), in a folder nobody may write.
 */
function actionsFor(script: string, headers: string): string {
  const own = mkdtempSync(join(tmpdir(), 'mail-sieve-'))
  try {
    chownSync(own, 65534, 65534)
    writeFileSync(join(own, 'script.sieve'), script)
    writeFileSync(join(own, 'message.eml'), `From: a@ext.com\n${headers}\n\nhello\n`)
    const args = ['-o', 'mail_uid=65534', '-o', 'mail_gid=65534', 'script.sieve', 'message.eml']
    return execFileSync('sieve-test', args, { cwd: own, encoding: 'utf8' })
  } finally {
    rmSync(own, { recursive: true, force: true })
  }
}

describe('renderSieve, run by sieve-test', () => {
  const headers = (score: string) => `To: kim@orchestra.lan\nSubject: s\nX-Spam-Score: ${score}`

  it('files a score of 8 or more into Spam, and keeps lower and negative scores', () => {
    expect(actionsFor(sieve('REDIRECT'), headers('9.5'))).toContain('store message in folder: Spam')
    expect(actionsFor(sieve('REDIRECT'), headers('5.1'))).toContain('folder: INBOX')
    expect(actionsFor(sieve('REDIRECT'), headers('-12.0'))).toContain('folder: INBOX')
    expect(actionsFor(sieve('REDIRECT5'), headers('5.1'))).toContain('folder: Spam')
  })

  it('discards spam for REJECT', () => {
    const actions = actionsFor(sieve('REJECT'), headers('8'))
    expect(actions).toContain('* discard')
    expect(actions).not.toContain('folder: INBOX')
  })

  it('answers mail sent to the address, and not mail sent elsewhere', () => {
    const away = renderSieve({
      filtering: 'REDIRECT',
      customFiltering: '',
      spamHeader: 'X-Spam-Score',
      autoresponses: [{ email: 'info@example.org', subject: 'Away', message: 'Back Monday' }],
    })
    const answered = actionsFor(away, 'To: info@example.org\nSubject: hi')
    expect(answered).toContain('send vacation message')
    expect(answered).toContain('Back Monday')
    expect(actionsFor(away, 'To: sales@example.org\nSubject: hi')).not.toContain('vacation')
  })
})

describe('fileintoFolders', () => {
  it('finds the folders a script files into and leaves out those leaving the maildir', () => {
    const script = 'fileinto "Spam";\nfileinto :create "Lists";\nfileinto "../x";\nfileinto "a/b";'
    expect(fileintoFolders(script)).toEqual(['Spam', 'Lists'])
  })
})

describe('checkSieve', () => {
  it('names the line of an error', async () => {
    expect(await checkSieve('keep;\nfrobnicate;\n')).toEqual([
      { line: 2, message: expect.stringContaining('frobnicate') },
    ])
  })
})

describe('renderPasswdFile', () => {
  const users = [
    { name: 'zoe', passwordHash: '$6$salt$hash', active: true, home: '/var/vmail/zoe' },
    { name: 'al', passwordHash: '$6$salt$other', active: false, home: '/var/vmail/al' },
  ]

  it('writes one sorted line per user with a locked hash for the inactive one', () => {
    expect(renderPasswdFile(users, { uid: 5000, gid: 5001 })).toBe(
      'al:{SHA512-CRYPT}!$6$salt$other:5000:5001::/var/vmail/al::\n' +
        'zoe:{SHA512-CRYPT}$6$salt$hash:5000:5001::/var/vmail/zoe::\n',
    )
  })

  it('locks a mailbox that has no password', () => {
    expect(passwdField({ passwordHash: '', active: true })).toBe('{SHA512-CRYPT}!')
  })

  it('refuses a field that would start a new field or line', () => {
    const bad = [{ ...users[0]!, home: '/var/vmail/x:0:0' }]
    expect(() => renderPasswdFile(bad, { uid: 1, gid: 1 })).toThrow(/passwd-file/)
  })
})

describe('postfix maps', () => {
  it('writes maps postmap indexes and answers', () => {
    const conf = join(dir, 'conf')
    execFileSync('mkdir', ['-p', conf])
    const settings = { localDomain: 'orchestra.lan', homeBase: '/var/vmail', uid: 5000, gid: 5000 }
    writeFileSync(join(conf, 'main.cf'), renderPostfixSnippet(settings))
    const aliases = join(dir, 'virtual_aliases')
    writeFileSync(
      aliases,
      renderAliasMap([
        { email: 'info@example.org', destination: 'alice x@ext.com', implicit: false },
        { email: 'alice@orchestra.lan', destination: 'alice', implicit: true },
        { email: 'empty@example.org', destination: '', implicit: false },
      ]),
    )
    writeFileSync(join(dir, 'mailboxes'), renderMailboxMap(['alice'], 'orchestra.lan'))
    run('postmap', ['-c', conf, `hash:${aliases}`])
    run('postmap', ['-c', conf, `hash:${join(dir, 'mailboxes')}`])
    const q = (key: string, map: string) =>
      execFileSync('postmap', ['-c', conf, '-q', key, `hash:${map}`], { encoding: 'utf8' })
    expect(q('info@example.org', aliases)).toBe('alice x@ext.com\n')
    expect(() => q('alice@orchestra.lan', aliases)).toThrow()
    expect(() => q('empty@example.org', aliases)).toThrow()
    expect(q('alice@orchestra.lan', join(dir, 'mailboxes'))).toBe('alice/Maildir/\n')
    // postconf reads the snippet as Postfix would, and knows every parameter in it.
    const read = run('postconf', ['-c', conf, '-n'])
    expect(read).toContain('virtual_alias_maps = hash:/etc/postfix/orchestra/virtual_aliases')
  })

  it('lists each domain once', () => {
    expect(renderDomainList(['b.org', 'a.org', 'b.org']).split('\n').slice(1)).toEqual([
      'a.org',
      'b.org',
      '',
    ])
  })

  it('refuses a map word with whitespace', () => {
    const entry = { email: 'a b@example.org', destination: 'x', implicit: false }
    expect(() => renderAliasMap([entry])).toThrow(/Postfix/)
  })
})

describe('isHostedHere (14.30)', () => {
  const defaults = ['10 mail.orchestra.lan.', '10 mail2.orchestra.lan.']

  it('accepts implicit and our MX, refuses a foreign MX and a CNAME-only name', () => {
    expect(isHostedHere([], false, defaults)).toBe(true)
    expect(isHostedHere(['10 mail.orchestra.lan.'], false, defaults)).toBe(true)
    expect(isHostedHere(['10 mx.other.net.'], false, defaults)).toBe(false)
    expect(isHostedHere([], true, defaults)).toBe(false)
  })
})

describe('renderDovecotSnippet', () => {
  it('passes doveconf in a minimal configuration that includes it', () => {
    const snippet = join(dir, '90-orchestra.conf')
    writeFileSync(snippet, renderDovecotSnippet())
    const main = join(dir, 'dovecot.conf')
    writeFileSync(
      main,
      [
        'protocols = imap lmtp',
        `base_dir = ${dir}/run`,
        'ssl = no',
        `!include ${snippet}`,
        '',
      ].join('\n'),
    )
    const output = run('doveconf', ['-c', main, '-n'])
    expect(output).toContain('mail_location = maildir:~/Maildir')
    expect(output).toContain('sieve_before = ~/sieve/orchestra.sieve')
    expect(output).toContain('unix_listener /var/spool/postfix/private/dovecot-lmtp {')
  })
})
