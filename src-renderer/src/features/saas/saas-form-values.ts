import i18next from 'i18next'
import {
  SAAS_CATALOGUE,
  type SaasCreateInput,
  type SaasService,
  type SaasTenant,
  type SaasUpdateInput,
} from '../../../../src-shared/schemas/saas'

export interface SaasFormValues {
  accountId: string | null
  service: SaasService
  name: string
  email: string
  password: string
  passwordRepeat: string
  customUrl: string
  isActive: boolean
}

export const emptyTenant = (accountId: string | null): SaasFormValues => ({
  accountId,
  service: 'wordpress',
  name: '',
  email: '',
  password: '',
  passwordRepeat: '',
  customUrl: '',
  isActive: true,
})

export const tenantValues = (tenant: SaasTenant): SaasFormValues => ({
  ...emptyTenant(String(tenant.accountId)),
  service: tenant.service,
  name: tenant.name,
  email: tenant.data.email ?? '',
  customUrl: tenant.customUrl,
  isActive: tenant.isActive,
})

/** The fields the service asks for, and only those. */
function serviceFields(values: SaasFormValues) {
  const spec = SAAS_CATALOGUE[values.service]
  return {
    data: spec.fields.includes('email') ? { email: values.email } : {},
    ...(spec.password !== 'none' && values.password && { password: values.password }),
    ...(spec.customUrl && { customUrl: values.customUrl }),
  }
}

export function toCreateRequest(values: SaasFormValues): SaasCreateInput {
  const { service, name, isActive } = values
  return {
    accountId: Number(values.accountId) || 0,
    service,
    name,
    isActive,
    ...serviceFields(values),
  }
}

export function toUpdateRequest(tenant: SaasTenant, values: SaasFormValues): SaasUpdateInput {
  const fields = serviceFields(values)
  const hasEmail = SAAS_CATALOGUE[tenant.service].fields.includes('email')
  return {
    id: tenant.id,
    version: tenant.version,
    isActive: values.isActive,
    ...(hasEmail && { data: fields.data }),
    ...('password' in fields && { password: fields.password }),
    ...('customUrl' in fields && { customUrl: fields.customUrl }),
  }
}

/** The one rule of the form alone: a password typed twice must be the same. */
export function passwordRepeatError(values: SaasFormValues) {
  return values.password === values.passwordRepeat
    ? {}
    : { passwordRepeat: i18next.t('saas.form.passwordMismatch') }
}
