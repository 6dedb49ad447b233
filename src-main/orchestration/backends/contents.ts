import type { AnyBackend } from '../backend'
import { moodleContentBackend } from './content-moodle'
import { webalizerContentBackend } from './content-webalizer'
import { wordpressContentBackend } from './content-wordpress'

/** The content backends of spec 6.6: what a web app needs of the sites mounting it. */
export const CONTENT_BACKENDS: readonly AnyBackend[] = [
  webalizerContentBackend,
  wordpressContentBackend,
  moodleContentBackend,
]
