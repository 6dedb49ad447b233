import { sh } from '../../core/escape'
import type { Commands } from '../script'
import type { ContentApp } from './content-objects'
import { asUser } from './webapp-shell'

/**
 * Rewrites an application's own PHP configuration (wp-config.php, config.php) as the main
 * user, whose file it is: root writing there would follow a link the user put in its place.
 * The awk program gets the new text as ENVIRON["VALUE"] (no escapes read, unlike -v) and
 * exits 3 when it found no place for it; the file is replaced only when the result differs
 * and PHP reads it. Arguments: file, program, value, message for 3, product.
 */
const REWRITE = String.raw`set -eu
config=$1
[ -f "$config" ] && [ ! -L "$config" ] || { echo "no $config: $5 is not installed yet"; exit 0; }
tmp=$(mktemp -p "$(dirname "$config")")
trap 'rm -f "$tmp"' EXIT
status=0
VALUE=$3 awk "$2" "$config" > "$tmp" || status=$?
if [ "$status" -eq 3 ]; then echo "$config $4" >&2; exit 1; fi
[ "$status" -eq 0 ] || exit "$status"
if cmp -s "$tmp" "$config"; then exit 0; fi
if command -v php >/dev/null && ! php -l "$tmp" >/dev/null; then
  echo "the change would leave $config unreadable to PHP: it is kept as it was" >&2
  exit 1
fi
chmod --reference="$config" "$tmp"
mv -f "$tmp" "$config"
echo "$config rewritten"`

export interface ConfigRewrite {
  file: string
  /** An awk program of ours: prints the new file, `exit 3` when it found no place. */
  program: string
  value: string
  /** Why exit 3, after the file's name. */
  noPlace: string
  /** `WordPress`, `Moodle`: named when the file is not there yet. */
  product: string
}

export function rewriteConfig(out: Commands, app: ContentApp, rewrite: ConfigRewrite) {
  const { file, program, value, noPlace, product } = rewrite
  const run = sh`sh -c ${REWRITE} sh ${file} ${program} ${value} ${noPlace} ${product}`
  out.run(sh`${asUser(app, run)}`)
}
