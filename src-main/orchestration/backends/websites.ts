import type { AnyBackend } from '../backend'
import { apacheWebsiteBackend } from './apache-website'
import { nginxWebsiteBackend } from './nginx-website'

/** Websites (spec 6): one backend per web server; a route chooses which serves a site. */
export const WEBSITE_BACKENDS: readonly AnyBackend[] = [apacheWebsiteBackend, nginxWebsiteBackend]
