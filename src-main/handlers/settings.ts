import type { Channels } from '../../src-shared/contract/channels'
import { listSettings, updateSetting } from '../data/settings'
import type { HandlerTable } from './types'

type SettingChannels = Extract<keyof Channels, `settings:${string}`>

export const settingHandlers: HandlerTable<SettingChannels> = {
  'settings:list': (_request, { tx }) => listSettings(tx),
  'settings:update': ({ name, value }, scope) => updateSetting(scope, name, value),
}
