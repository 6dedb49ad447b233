import { Select, Switch, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/queries'
import { requiredInput } from '../../components/required'
import { toUnicodeName } from '../../lib/domain-unicode'

/** What the create and edit forms share: custom address, owner and active flag. */
export interface ListFieldValues {
  addressName: string
  addressDomainId: string | null
  adminEmail: string
  isActive: boolean
}

export const listFieldRequest = (values: ListFieldValues) => ({
  addressName: values.addressName,
  addressDomainId: Number(values.addressDomainId) || null,
  adminEmail: values.adminEmail,
  isActive: values.isActive,
})

/** The account's domains, named in Unicode; blank is no custom address. */
function DomainSelect<V extends ListFieldValues>(props: {
  form: UseFormReturnType<V>
  accountId: number
}) {
  const { t } = useTranslation()
  const domains = useChannelQuery(
    'domains:list',
    { accountId: props.accountId, pageSize: 200 },
    { enabled: props.accountId > 0 },
  )
  const data = (domains.data?.rows ?? []).map((row) => ({
    value: String(row.id),
    label: toUnicodeName(row.name),
  }))
  return (
    <Select
      label={t('mailingLists.form.domain')}
      description={t('mailingLists.form.domainHint')}
      placeholder={props.accountId ? undefined : t('mailingLists.form.domainFirst')}
      data={data}
      searchable
      clearable
      {...props.form.getInputProps('addressDomainId')}
    />
  )
}

export function OwnerFields<V extends ListFieldValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        label={t('mailingLists.form.adminEmail')}
        description={t('mailingLists.form.adminEmailHint')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        {...requiredInput}
        {...form.getInputProps('adminEmail')}
      />
      <Switch
        label={t('mailingLists.form.active')}
        {...form.getInputProps('isActive', { type: 'checkbox' })}
      />
    </>
  )
}

export function AddressFields<V extends ListFieldValues>(props: {
  form: UseFormReturnType<V>
  accountId: number
}) {
  const { t } = useTranslation()
  return (
    <>
      <DomainSelect form={props.form} accountId={props.accountId} />
      <TextInput
        label={t('mailingLists.form.addressName')}
        description={t('mailingLists.form.addressNameHint')}
        autoComplete="off"
        spellCheck={false}
        {...props.form.getInputProps('addressName')}
      />
    </>
  )
}
