import { sh, ShellText } from '../../core/escape'
import type { Commands } from '../script'

/** Lines of shared PHP files (Drupal's sites.php, Moodle's site map), one per tenant. */

export const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/'

/**
 * Replaces the line tagged `$2` of the PHP file `$1` by the line read on stdin (or only drops
 * it when stdin is empty), through a temporary file beside it. The file starts as `<?php`.
 */
const SET_LINE = [
  'set -euo pipefail',
  'file=$1; tag=$2; line=$(cat)',
  'if [ -L "$file" ]; then echo "$file is a link: left as it is" >&2; exit 1; fi',
  'if [ ! -e "$file" ]; then printf \'%s\\n\' \'<?php\' > "$file"; fi',
  // Lines ending in the tag; a substring test would also take `site foo` for `site foobar`.
  'TAG=$tag awk \'{ n = length(ENVIRON["TAG"])',
  '  if (substr($0, length($0) - n + 1) != ENVIRON["TAG"]) print }\' \\',
  '  "$file" > "$file.orchestra-tmp"',
  'if [ -n "$line" ]; then printf \'%s %s\\n\' "$line" "$tag" >> "$file.orchestra-tmp"; fi',
  'chmod 0644 "$file.orchestra-tmp"',
  'mv -f "$file.orchestra-tmp" "$file"',
].join('\n')

/** Runs SET_LINE, as `user` when given (a file in a folder the web server can write). */
export function setPhpLine(out: Commands, file: string, tag: string, php: string, user?: string) {
  const as = user ? sh`runuser -u ${user} -- ` : new ShellText('')
  out.run(sh`printf '%s' ${php} | ${as}bash -c ${SET_LINE} orchestra ${file} ${tag}`)
}
