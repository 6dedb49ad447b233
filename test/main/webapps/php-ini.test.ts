import { describe, expect, it } from 'vitest'
import {
  mergeOptions,
  phpIniValues,
  phpRuntime,
  phpTimeouts,
  type PhpIniContext,
} from '../../../src-main/data/webapp-php'
import { DEFAULT_DISABLED_FUNCTIONS } from '../../../src-shared/schemas/webapp-settings'
import { checkOption } from '../../../src-shared/schemas/webapps'

const fpm: PhpIniContext = {
  phpVersion: '8.2',
  model: 'fpm',
  disabledFunctions: DEFAULT_DISABLED_FUNCTIONS,
  defaultTimeout: 30,
  errorLog: '',
}
const ini = (options: Record<string, string>, ctx: Partial<PhpIniContext> = {}) =>
  Object.fromEntries(
    phpIniValues(
      Object.entries(options).map(([name, value]) => ({ name, value })),
      { ...fpm, ...ctx },
    ).map((entry) => [entry.name, entry.value]),
  )

describe('phpRuntime', () => {
  it('reads the number and the model of a version key', () => {
    expect(phpRuntime('8.2-fpm')).toEqual({
      key: '8.2-fpm',
      number: '8.2',
      int: '82',
      model: 'fpm',
    })
    expect(phpRuntime('4-cgi')).toMatchObject({ number: '4', int: '4', model: 'cgi' })
  })

  it('refuses a key with no or several version numbers', () => {
    expect(() => phpRuntime('latest-fpm')).toThrow(/exactly one version/)
    expect(() => phpRuntime('8.2-7.4-cgi')).toThrow(/exactly one version/)
  })
})

describe('phpIniValues', () => {
  it('disables the whole default list on FPM without options, and limits time to 28 s', () => {
    expect(ini({})).toEqual({
      disable_functions: DEFAULT_DISABLED_FUNCTIONS.join(','),
      max_execution_time: '28',
    })
  })

  it('leaves out what enable_functions names and adds what disable_functions names', () => {
    const values = ini({ enable_functions: 'exec, popen', disable_functions: 'phpinfo' })
    const list = values.disable_functions!.split(',')
    expect(list[0]).toBe('phpinfo')
    expect(list).not.toContain('exec')
    expect(list).not.toContain('popen')
    expect(list).toHaveLength(DEFAULT_DISABLED_FUNCTIONS.length - 1)
  })

  it('disables nothing on a CGI wrapper without function options', () => {
    expect(ini({}, { model: 'cgi' })).toEqual({ max_execution_time: '28' })
  })

  it('keeps max_execution_time two seconds under the timeout option', () => {
    expect(ini({ timeout: '60' }).max_execution_time).toBe('58')
    // Not the original's 28: PHP must stop before the manager kills it at 10 s (spec 15.3).
    expect(ini({ timeout: '10' }).max_execution_time).toBe('8')
    expect(ini({ timeout: '1' }).max_execution_time).toBe('1')
  })

  it('raises post_max_size to upload_max_filesize, and never lowers it', () => {
    expect(ini({ upload_max_filesize: '64M', post_max_size: '8M' }).post_max_size).toBe('64M')
    expect(ini({ upload_max_filesize: '64M' }).post_max_size).toBe('64M')
    expect(ini({ upload_max_filesize: '8M', post_max_size: '100M' }).post_max_size).toBe('100M')
  })

  it('adds the error log of the setting unless the app names one', () => {
    expect(ini({}, { errorLog: '/var/log/php/joe.log' }).error_log).toBe('/var/log/php/joe.log')
  })

  it('drops options deprecated at or below the version, and leaves non-PHP options out', () => {
    const options = { magic_quotes_gpc: 'On', 'public-root': 'web', memory_limit: '128M' }
    expect(ini(options, { phpVersion: '5.3' })).toEqual({
      disable_functions: DEFAULT_DISABLED_FUNCTIONS.join(','),
      memory_limit: '128M',
      max_execution_time: '28',
    })
    expect(ini(options, { phpVersion: '5.2' }).magic_quotes_gpc).toBe('On')
  })
})

describe('phpTimeouts', () => {
  it('derives every limit from the timeout option, or the default', () => {
    expect(phpTimeouts('60', 30)).toEqual({
      limit: 60,
      maxExecutionTime: 58,
      requestTerminateTimeout: 60,
      ioTimeout: 60,
      busyTimeout: 60,
    })
    expect(phpTimeouts(undefined, 30).ioTimeout).toBe(30)
  })
})

describe('mergeOptions', () => {
  it('joins comma lists and keeps the greatest other value, whatever the order', () => {
    const a = [
      { name: 'enable_functions', value: 'exec' },
      { name: 'memory_limit', value: '128M' },
    ]
    const b = [
      { name: 'enable_functions', value: 'popen,exec' },
      { name: 'memory_limit', value: '256M' },
    ]
    const expected = [
      { name: 'enable_functions', value: 'exec,popen' },
      { name: 'memory_limit', value: '256M' },
    ]
    expect(mergeOptions([a, b])).toEqual(expected)
    expect(mergeOptions([b, a])).toEqual([
      { name: 'enable_functions', value: 'popen,exec' },
      { name: 'memory_limit', value: '256M' },
    ])
  })
})

describe('checkOption', () => {
  const rule = (name: string, value: string, version = '8.2') =>
    checkOption(name, value, version)?.rule

  it('applies the rules of spec 5.3 anchored at both ends', () => {
    expect(rule('memory_limit', '128M')).toBeUndefined()
    expect(rule('memory_limit', '1G')).toBe('pattern')
    expect(rule('memory_limit', '128Mx')).toBe('pattern')
    expect(rule('timeout', '1000')).toBe('pattern')
    expect(rule('timeout', '999')).toBeUndefined()
    expect(rule('processes', '10')).toBeUndefined()
    expect(rule('processes', '0')).toBe('pattern')
    expect(rule('timeout', '0')).toBe('pattern')
    expect(rule('display_errors', 'On')).toBeUndefined()
    expect(rule('display_errors', 'yes')).toBe('pattern')
    expect(rule('date.timezone', 'Europe/Madrid')).toBeUndefined()
    expect(rule('date.timezone', 'Europe/Madrid/x')).toBe('pattern')
    expect(rule('enable_functions', 'exec, popen')).toBeUndefined()
    expect(rule('nonsense', 'x')).toBe('option')
  })

  it('refuses magic_quotes_gpc after PHP 5.3 and accepts it on 5.2', () => {
    expect(checkOption('magic_quotes_gpc', 'On', '8.2')).toEqual({
      rule: 'deprecated',
      message: 'magic_quotes_gpc no longer exists after PHP 5.3',
    })
    expect(rule('magic_quotes_gpc', 'On', '5.4')).toBe('deprecated')
    expect(rule('magic_quotes_gpc', 'On', '5.2')).toBeUndefined()
  })

  it('refuses hostile values in path options, naming the option', () => {
    for (const value of ['../../etc', 'a/../b', 'a b', 'a#b', "a'b", 'a"b', 'a\nb', 'a\r\nb']) {
      expect(checkOption('public-root', value, '')?.message).toMatch(/^public-root /)
      expect(checkOption('upload_tmp_dir', value, '8.2')).toBeDefined()
    }
    expect(rule('include_path', '.:/usr/share/php')).toBeUndefined()
    expect(rule('auto_prepend_file', '/home/joe/../etc/passwd')).toBe('dot_segment')
  })

  it('refuses quotes, $, ; and line breaks in any option', () => {
    for (const value of ['a"b', "a'b", 'a$b', 'a;b', 'a\nb', 'a\\b']) {
      expect(rule('suhosin.executor.include.whitelist', value)).toBe('characters')
    }
  })
})
