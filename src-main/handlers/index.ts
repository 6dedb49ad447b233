import type { ChannelName } from '../../src-shared/contract/channels'
import { accountHandlers } from './accounts'
import { appHandlers } from './app'
import { contactHandlers } from './contacts'
import { databaseHandlers } from './database'
import { domainHandlers } from './domains'
import { mailHandlers } from './mail'
import { sqlDatabaseHandlers } from './sql-databases'
import { systemUserHandlers } from './system-users'
import { webappHandlers } from './webapps'
import { websiteHandlers } from './websites'
import { certificateHandlers } from './certificates'
import { mailingListHandlers } from './mailing-lists'
import { otherServiceHandlers } from './other-services'
import { saasHandlers } from './saas'
import { billHandlers } from './bills'
import { paymentHandlers } from './payments'
import { paymentProcessHandlers } from './payment-processes'
import { billingHandlers } from './billing'
import { settingHandlers } from './settings'
import { keyHandlers } from './keys'
import { logHandlers } from './logs'
import { orchestrationHandlers } from './orchestration'
import { routeHandlers } from './routes'
import { serverHandlers } from './servers'
import type { HandlerTable } from './types'

/** Every channel's implementation; the type makes a missing one a compile error. */
export const handlers: HandlerTable<ChannelName> = {
  ...appHandlers,
  ...accountHandlers,
  ...contactHandlers,
  ...domainHandlers,
  ...systemUserHandlers,
  ...mailHandlers,
  ...sqlDatabaseHandlers,
  ...webappHandlers,
  ...websiteHandlers,
  ...certificateHandlers,
  ...mailingListHandlers,
  ...otherServiceHandlers,
  ...saasHandlers,
  ...billHandlers,
  ...paymentHandlers,
  ...paymentProcessHandlers,
  ...billingHandlers,
  ...databaseHandlers,
  ...settingHandlers,
  ...serverHandlers,
  ...keyHandlers,
  ...routeHandlers,
  ...logHandlers,
  ...orchestrationHandlers,
}
