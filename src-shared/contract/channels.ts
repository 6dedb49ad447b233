import { z } from 'zod'
import { idSchema, type Page } from '../schemas/common'
import { action, byId, nothing, read, write } from './define'
export type { ChannelKind } from './define'
import { mailChannels } from './services/mail'
import { sqlDatabaseChannels } from './services/sql-databases'
import { systemUserChannels } from './services/system-users'
import { webappChannels } from './services/webapps'
import { websiteChannels } from './services/websites'
import { certificateChannels } from './services/certificates'
import { mailingListChannels } from './services/mailing-lists'
import { otherServiceChannels } from './services/other-services'
import { saasChannels } from './services/saas'
import { billChannels } from './services/bills'
import { paymentChannels } from './services/payments'
import { billingChannels } from './services/billing'
import type { OrderUpdateJob } from '../schemas/billing-orders'
import {
  accountCreateSchema,
  accountListSchema,
  accountSetActiveSchema,
  accountUpdateSchema,
  type AccountDeletePreview,
  type AccountDetail,
  type AccountRow,
} from '../schemas/accounts'
import {
  contactCreateSchema,
  contactListSchema,
  contactUpdateSchema,
  type Contact,
  type ContactRow,
} from '../schemas/contacts'
import {
  domainCreateSchema,
  domainListSchema,
  domainUpdateSchema,
  type DomainDetail,
  type DomainRow,
} from '../schemas/domains'
import {
  domainIdsSchema,
  domainSetSoaSchema,
  domainUpdateRecordsSchema,
  type DomainDeletePreview,
} from '../schemas/domain-bulk'
import { historyListSchema, type HistoryEntry, type ObjectType } from '../schemas/history'
import { globalSearchSchema, type SearchHit } from '../schemas/search'
import type { AppInfo, DashboardSummary } from '../schemas/app'
import { settingUpdateSchema, type SettingValue } from '../schemas/settings'
import {
  databaseConnectionSchema,
  databaseCopySchema,
  type CopyProgressEvent,
  type CopyResult,
  type DatabaseCheck,
  type DatabaseStatus,
} from '../schemas/database'
import {
  hostKeyAcceptSchema,
  keyGenerateSchema,
  keyImportSchema,
  keyInstallSchema,
  logExportSchema,
  logListSchema,
  logRetrySchema,
  orchestrateSchema,
  routeCreateSchema,
  routeUpdateSchema,
  serverCreateSchema,
  serverUpdateSchema,
  type BackendInfo,
  type HostKeyScan,
  type LogDetail,
  type LogRow,
  type LogState,
  type NotRouted,
  type PreviewScript,
  type Route,
  type RunSummary,
  type Server,
  type ServerCheck,
  type SshKey,
} from '../schemas/orchestration'

/**
 * Every call between the renderer and main, declared once. The preload functions, the HTTP
 * bridge routes, the main-side registration and the renderer's client are all derived from
 * this table; nothing else names a channel.
 */

export const channels = {
  'app:info': read<AppInfo>()(nothing),
  'app:dashboard': read<DashboardSummary>()(nothing),

  'accounts:list': read<Page<AccountRow>>()(accountListSchema),
  'accounts:get': read<AccountDetail>()(byId),
  'accounts:create': write<AccountDetail>()(accountCreateSchema),
  'accounts:update': write<AccountDetail>()(accountUpdateSchema),
  'accounts:setActive': write<{ changed: number }>()(accountSetActiveSchema),
  'accounts:deletePreview': read<AccountDeletePreview>()(byId),
  'accounts:delete': write<{ deleted: number }>()(byId),

  'contacts:list': read<Page<ContactRow>>()(contactListSchema),
  'contacts:get': read<Contact>()(byId),
  'contacts:create': write<Contact>()(contactCreateSchema),
  'contacts:update': write<Contact>()(contactUpdateSchema),
  'contacts:delete': write<{ deleted: number }>()(byId),

  'domains:list': read<Page<DomainRow>>()(domainListSchema),
  /** The domain, its records and the zone of its origin as BIND loads it. */
  'domains:get': read<DomainDetail>()(byId),
  /** One domain per line of `name`, each with the records. */
  'domains:create': write<DomainDetail[]>()(domainCreateSchema),
  'domains:update': write<DomainDetail>()(domainUpdateSchema),
  'domains:delete': write<{ deleted: number }>()(byId),
  /** Each SOA timer of the selected top domains: absent keeps it, '' restores the default. */
  'domains:setSoa': write<{ changed: number }>()(domainSetSoaSchema),
  /** What deleting the selection takes with it: subdomains, records, mail addresses. */
  'domains:deletePreview': read<DomainDeletePreview>()(domainIdsSchema),
  'domains:deleteMany': write<{ deleted: number }>()(domainIdsSchema),
  /** The records of several domains at once, each replacing its set; all saved or none. */
  'domains:updateRecords': write<{ changed: number }>()(domainUpdateRecordsSchema),

  ...systemUserChannels,
  ...mailChannels,
  ...sqlDatabaseChannels,
  ...webappChannels,
  ...websiteChannels,
  ...certificateChannels,
  ...mailingListChannels,
  ...otherServiceChannels,
  ...saasChannels,
  ...billChannels,
  ...paymentChannels,
  ...billingChannels,

  'history:list': read<Page<HistoryEntry>>()(historyListSchema),
  'search:global': read<SearchHit[]>()(globalSearchSchema),

  'database:status': action<DatabaseStatus>()(nothing),
  'database:check': action<DatabaseCheck>()(databaseConnectionSchema),
  'database:connect': action<DatabaseStatus>()(databaseConnectionSchema),
  'database:copy': action<CopyResult>()(databaseCopySchema),

  'settings:list': read<SettingValue[]>()(nothing),
  'settings:update': write<SettingValue>()(settingUpdateSchema),

  'servers:list': read<Server[]>()(nothing),
  'servers:get': read<Server>()(byId),
  'servers:create': write<Server>()(serverCreateSchema),
  'servers:update': write<Server>()(serverUpdateSchema),
  'servers:delete': write<{ deleted: number }>()(byId),
  /** Connects without logging in and shows the host key, for the user to accept. */
  'servers:scanHostKey': action<HostKeyScan>()(byId),
  'servers:acceptHostKey': action<Server>()(hostKeyAcceptSchema),
  /** Reachability, latency, uptime and load, for every server asked about, in parallel. */
  'servers:check': action<ServerCheck[]>()(
    z.strictObject({ ids: z.array(idSchema).min(1).max(200) }),
  ),

  'keys:list': read<SshKey[]>()(nothing),
  'keys:generate': action<SshKey>()(keyGenerateSchema),
  'keys:import': action<SshKey>()(keyImportSchema),
  'keys:delete': action<{ deleted: number }>()(byId),
  /** Appends the key to the server's authorized_keys, logging in once with a password. */
  'keys:install': action<{ installed: boolean; line: string }>()(keyInstallSchema),

  'backends:list': read<BackendInfo[]>()(nothing),
  'routes:list': read<Route[]>()(z.strictObject({ serverId: idSchema.optional() }).default({})),
  'routes:create': write<Route>()(routeCreateSchema),
  'routes:update': write<Route>()(routeUpdateSchema),
  'routes:delete': write<{ deleted: number }>()(byId),

  'logs:list': read<Page<LogRow>>()(logListSchema),
  'logs:get': read<LogDetail>()(byId),
  'logs:retry': action<RunSummary>()(logRetrySchema),
  'logs:export': action<{ file: string; logs: number }>()(logExportSchema),

  /** The scripts a write would run, per server, without making it. */
  'orchestration:preview': action<{ scripts: PreviewScript[]; notRouted: NotRouted[] }>()(
    z.strictObject({ channel: z.string().min(1), request: z.unknown() }),
  ),
  /** Sends every object of the routes' backends again (`orchestra orchestrate`). */
  'orchestration:orchestrate': action<{
    scripts: PreviewScript[]
    notRouted: NotRouted[]
    summary: RunSummary | null
  }>()(orchestrateSchema),
} as const

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelRequest<N extends ChannelName> = z.input<Channels[N]['request']>
export type ChannelParsed<N extends ChannelName> = z.output<Channels[N]['request']>
export type ChannelResponse<N extends ChannelName> = NonNullable<Channels[N]['response']>

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[]

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name)
}

/** The renderer's view of main: one async function per channel. */
export type Api = {
  [N in ChannelName]: (request: ChannelRequest<N>) => Promise<ChannelResponse<N>>
}

/**
 * Events main pushes to the renderer, kept apart from requests. `data:changed` tells every
 * window (and every workstation, once the database is shared) that an object changed.
 */
export const events = {
  'data:changed': z.object({
    objectType: z.string() as z.ZodType<ObjectType>,
    objectId: z.number(),
    action: z.string(),
  }),
  /** Another database was opened: everything shown must be read again. */
  'database:switched': z.object({ kind: z.string(), location: z.string() }),
  /** How far `database:copy` has got. */
  'database:copyProgress': z.custom<CopyProgressEvent>(),
  /** A change was sent to servers: its logs (and what no route took). */
  'orchestration:run': z.custom<RunSummary>(),
  /** A log changed state. */
  'orchestration:log': z.custom<{
    id: number
    state: LogState
    backend: string
    serverName: string
  }>(),
  /** How far an "update orders" job has got (`orders:startUpdate`). */
  'orders:updateProgress': z.custom<OrderUpdateJob>(),
  /** Live output of a running log. */
  'orchestration:output': z.custom<{ logId: number; stream: 'stdout' | 'stderr'; text: string }>(),
} as const

export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>
export const EVENT_NAMES = Object.keys(events) as EventName[]
