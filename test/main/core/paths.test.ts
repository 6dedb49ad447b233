import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDataDir } from '../../../src-main/core/paths'

describe('resolveDataDir', () => {
  it('prefers the flag over the environment', () => {
    const env = { ORCHESTRA_DATA_DIR: '/srv/env' }
    expect(resolveDataDir('/srv/flag', env)).toBe(resolve('/srv/flag'))
    expect(resolveDataDir(undefined, env)).toBe(resolve('/srv/env'))
  })

  it('follows the XDG convention on Linux', () => {
    if (process.platform !== 'linux') return
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: '/home/u/.data' })).toBe(
      join('/home/u/.data', 'orchestra-desktop'),
    )
  })
})
