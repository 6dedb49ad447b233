import { Checkbox, MultiSelect, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/queries'

export interface AddressTargetValues {
  mailboxIds: string[]
  forward: string
  autoresponseEnabled: boolean
  autoresponseSubject: string
  autoresponseMessage: string
}

/** Where an address delivers: the account's mailboxes, a forward, and its autoresponse. */
export function AddressTargetFields<V extends AddressTargetValues>(props: {
  form: UseFormReturnType<V>
  accountId: number
}) {
  const { form, accountId } = props
  const { t } = useTranslation()
  const mailboxes = useChannelQuery(
    'mailboxes:list',
    { accountId, pageSize: 200 },
    { enabled: accountId > 0 },
  )
  const options = (mailboxes.data?.rows ?? []).map((row) => ({
    value: String(row.id),
    label: row.name,
  }))
  return (
    <>
      <MultiSelect
        label={t('mail.addressForm.mailboxes')}
        description={t('mail.addressForm.mailboxesHint')}
        data={options}
        searchable
        {...form.getInputProps('mailboxIds')}
      />
      <TextInput
        label={t('mail.addressForm.forward')}
        description={t('mail.addressForm.forwardHint')}
        autoComplete="off"
        spellCheck={false}
        {...form.getInputProps('forward')}
      />
      <Checkbox
        label={t('mail.addressForm.autoresponse')}
        {...form.getInputProps('autoresponseEnabled', { type: 'checkbox' })}
      />
      {form.getValues().autoresponseEnabled && (
        <>
          <TextInput
            label={t('mail.addressForm.subject')}
            {...form.getInputProps('autoresponseSubject')}
          />
          <Textarea
            label={t('mail.addressForm.message')}
            autosize
            minRows={3}
            {...form.getInputProps('autoresponseMessage')}
          />
        </>
      )}
    </>
  )
}

export const targetRequest = (values: AddressTargetValues) => ({
  mailboxIds: values.mailboxIds.map(Number),
  forward: values.forward,
  autoresponseEnabled: values.autoresponseEnabled,
  autoresponseSubject: values.autoresponseSubject,
  autoresponseMessage: values.autoresponseMessage,
})
