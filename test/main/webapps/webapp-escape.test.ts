import { describe, expect, it } from 'vitest'
import { fpmPoolName, fpmValue, phpString, uwsgiValue } from '../../../src-main/core/escape'
import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { canaries, hostileString } from '../../support/hostile'

describe('web app file escaping', () => {
  it('quotes an FPM value and refuses what PHP would read inside the quotes', () => {
    expect(fpmValue('/usr/sbin/sendmail -t -i')).toBe('"/usr/sbin/sendmail -t -i"')
    for (const value of ['a"b', 'a\\b', '${HOME}', 'a\nb', 'a\r\nb', 'a\0b']) {
      expect(() => fpmValue(value)).toThrow(/PHP-FPM value/)
    }
  })

  it('refuses a pool name that could close its brackets or start a line', () => {
    expect(fpmPoolName('joe-blog')).toBe('[joe-blog]')
    for (const name of ['a]b', 'a\nb', '', 'a b']) expect(() => fpmPoolName(name)).toThrow()
  })

  it('refuses uWSGI values with magic variables, includes or comments', () => {
    expect(uwsgiValue('/home/joe/webapps/api')).toBe('/home/joe/webapps/api')
    for (const value of ['%d', '$(HOME)', '@(/etc/shadow)', ';x', '#x', 'a\nb', ' a', '']) {
      expect(() => uwsgiValue(value)).toThrow(/uWSGI value/)
    }
  })

  it('writes any text as a PHP single-quoted string that php reads back unchanged', () => {
    const samples = [
      ...canaries('/tmp/webapp-escape-'),
      "{${system('id')}}",
      '\\',
      "\\'",
      ...fc.sample(hostileString('/tmp/webapp-escape-'), 40),
      // A lone surrogate cannot travel to php as UTF-8 at all.
    ].filter((text) => !/\p{Cs}/u.test(text))
    // One php run for all: each literal echoed as JSON, one a line.
    const code = samples.map((text) => `echo json_encode(${phpString(text)}), "\\n";`).join('\n')
    const result = spawnSync('php', ['-n', '-r', code], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    const back = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as string)
    expect(back).toEqual(samples)
  })
})
