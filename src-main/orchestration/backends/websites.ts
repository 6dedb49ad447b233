import type { AnyBackend } from '../backend'
import { apacheWebsiteBackend } from './apache-website'
import { nginxWebsiteBackend } from './nginx-website'

/**
 * Websites (spec 6): one backend per web server; a route chooses which serves a site.
 * TODO(#6): the content backends of spec 6.6 (Webalizer reports, WordPress site URL and
 * FORCE_SSL_ADMIN, Moodle wwwroot) and the Apache traffic monitor are not written yet; they
 * need the web app installers' files on the server, which come with the CMS slice.
 * TODO(#6): WEBSITES_VHOST_EXTRA_DIRECTIVES is left out: a free-text template would bring back
 * the config injection spec 15.1 warns of; it needs a rule per directive first.
 */
export const WEBSITE_BACKENDS: readonly AnyBackend[] = [apacheWebsiteBackend, nginxWebsiteBackend]
