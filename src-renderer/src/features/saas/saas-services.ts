import {
  checkSaasName,
  SAAS_CATALOGUE,
  SAAS_SERVICES,
  type SaasService,
} from '../../../../src-shared/schemas/saas'
import { fillDomainTemplate, domainSettingOf } from '../../../../src-shared/schemas/saas-settings'
import { useChannelQuery } from '../../api/queries'

export const SERVICE_OPTIONS = SAAS_SERVICES.map((service) => ({
  value: service,
  label: SAAS_CATALOGUE[service].label,
}))

export const serviceLabel = (service: SaasService) => SAAS_CATALOGUE[service].label

/** Where a tenant of that name would answer, by the settings of now; empty for a bad name. */
export function useSiteDomain(service: SaasService, name: string): string {
  const settings = useChannelQuery('settings:list', {})
  const value = (setting: string) => settings.data?.find((s) => s.name === setting)?.value
  const template = value(domainSettingOf(service))
  const base = value('ORCHESTRA_BASE_DOMAIN')
  const typed = name.trim().toLowerCase()
  if (checkSaasName(typed, service) || typeof template !== 'string' || typeof base !== 'string')
    return ''
  return fillDomainTemplate(template, typed, base)
}
