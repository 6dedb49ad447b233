import type { AnyBackend } from '../backend'
import { dokuwikiBackend } from './saas-dokuwiki'
import { drupalBackend } from './saas-drupal'
import { moodleBackend } from './saas-moodle'

/**
 * SaaS tenants (spec 8.3): the backends that run and are tested here.
 *
 * TODO(#6): no backend yet for the services whose installation cannot run here, so nothing
 * could test one: WordPress multisite (its network admin over HTTP and the domain-mapping
 * table), GitLab (its REST API), ownCloud (its provisioning API), BSCW (its `bsadmin` tool),
 * and phpList (its admin tables, the bounces mailbox and database in the provider's account).
 * Their tenants are kept and validated; no script is written for them until a backend exists.
 * Moodle's backend writes its files only (see saas-moodle.ts).
 */
export const SAAS_BACKENDS: readonly AnyBackend[] = [dokuwikiBackend, drupalBackend, moodleBackend]
