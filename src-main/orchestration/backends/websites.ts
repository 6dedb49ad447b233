import type { AnyBackend } from '../backend'
import { apacheWebsiteBackend } from './apache-website'
import { nginxWebsiteBackend } from './nginx-website'

/**
 * Websites (spec 6): one backend per web server; a route chooses which serves a site.
 * The content backends of spec 6.6 are in contents.ts.
 * TODO(#7): the Apache traffic monitor of spec 6.5 is not written: the panel has no resource
 * monitors yet.
 * TODO(#6): WEBSITES_VHOST_EXTRA_DIRECTIVES is left out: a free-text template would bring back
 * the config injection spec 15.1 warns of; it needs a rule per directive first.
 */
export const WEBSITE_BACKENDS: readonly AnyBackend[] = [apacheWebsiteBackend, nginxWebsiteBackend]
