import { phpString, sh } from '../../core/escape'
import { defineBackend } from '../backend'
import type { Commands } from '../script'
import {
  contentMatch,
  contentRelated,
  loadContentApp,
  ownMount,
  type ContentApp,
} from './content-objects'
import { rewriteConfig } from './content-files'

/** The line Moodle's installer writes, with the URL as a single-quoted PHP string. */
export const wwwrootLine = (url: string) => `$CFG->wwwroot   = ${phpString(url)};`

/** Every `$CFG->wwwroot = …;` line becomes the new one, or it goes in before lib/setup.php. */
const PLACE_LINE = String.raw`
  /^[ \t]*\$CFG->wwwroot[ \t]*=/ { if (!done) print ENVIRON["VALUE"]; done = 1; next }
  !done && /lib\/setup\.php/ { print ENVIRON["VALUE"]; done = 1 }
  { print }
  END { if (!done) exit 3 }
`

function save(out: Commands, app: ContentApp) {
  const mount = ownMount(app)
  // Moodle cannot run without a wwwroot: an app no longer mounted keeps its last one.
  if (!mount?.url) {
    out.run(sh`echo ${`${app.name} is mounted on no website with a name: wwwroot left as it is`}`)
    return
  }
  rewriteConfig(out, app, {
    file: `${app.appDir}/config.php`,
    program: PLACE_LINE,
    value: wwwrootLine(mount.url),
    noPlace: 'has no wwwroot and never loads lib/setup.php',
    product: 'Moodle',
  })
}

/** Moodle wwwroot (spec 6.6): config.php follows the URL of the app's first mount. */
export const moodleContentBackend = defineBackend<ContentApp>({
  id: 'moodle-content',
  label: 'Moodle wwwroot',
  description:
    'Rewrites $CFG->wwwroot in the config.php of a Moodle app to the URL of the site ' +
    'mounting it, checked with php -l.',
  model: 'webapp',
  related: contentRelated('moodle-php'),
  declaredActions: ['save'],
  defaultRouteMatch: 'instance.type == "moodle-php"',
  executable: '/bin/bash',
  timeoutMs: 120_000,
  load: loadContentApp,
  repr: (app) => `${app.user}/${app.name}`,
  matchFields: contentMatch.fields,
  matchValues: contentMatch.values,
  // A route with a blank match takes every web app: only Moodle ones are this one's.
  actions: { save: (out, app) => app.type === 'moodle-php' && save(out, app) },
})
