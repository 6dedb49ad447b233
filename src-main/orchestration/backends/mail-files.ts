import { Secret, sh, ShellText } from '../../core/escape'
import type { Commands } from '../script'

/** Set up by a commit step; a replaced file touches it to ask for a reload. */
export const RELOAD_FLAG = new ShellText('touch "$reload_flag"')

export const makeReloadFlag = (out: Commands) =>
  out.run(new ShellText('reload_flag="$(mktemp -d)/reload"'))

export const dropReloadFlag = (out: Commands) =>
  out.run(new ShellText('rm -rf "${reload_flag%/*}"'))

/**
 * Writes a whole file only when it differs from the live one, then runs `after` (postmap,
 * a reload flag). Content given as a Secret stays out of the stored script.
 */
export function replaceIfChanged(
  out: Commands,
  path: string,
  content: string | Secret,
  { mode = '0644', after = [] as ShellText[] } = {},
) {
  const temporary = `${path}.orchestra-tmp`
  out.run(sh`printf '%s' ${content} > ${temporary}`)
  out.run(sh`chmod ${mode} ${temporary}`)
  out.run(sh`if cmp -s ${temporary} ${path}; then rm -f ${temporary}; else`)
  out.run(sh`  mv -f ${temporary} ${path}`)
  for (const command of after) out.run(command)
  out.run(new ShellText('fi'))
}
