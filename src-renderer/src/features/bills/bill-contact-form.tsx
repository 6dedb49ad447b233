import { Alert, Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAddressBook } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { billContactSchema, type BillDetail } from '../../../../src-shared/schemas/bills'
import { issuesToErrors, schemaErrors, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { countryOptions } from '../../lib/countries'
import { notifyFailure, notifySuccess } from '../../lib/notify'

interface ContactValues {
  name: string
  vat: string
  address: string
  zipcode: string
  city: string
  country: string
}

/**
 * A bill is closed for a buyer with a tax id (spec 7.4): when the account has no bill
 * contact yet, the clerk fills it in here rather than being sent away to find the form.
 */
export function BillContactForm({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const update = useChannelMutation('billContacts:update')
  const accountId = bill.accountId ?? 0
  const form = useForm<ContactValues>({
    initialValues: { name: '', vat: '', address: '', zipcode: '', city: '', country: '' },
    validate: (values) => {
      const errors = schemaErrors(billContactSchema, { accountId, ...values })
      return values.country ? errors : { ...errors, country: t('bills.contact.countryRequired') }
    },
  })
  const handleSubmit = (values: ContactValues) =>
    // The form's own validation ran the same schema: parsing gives the typed request.
    update.mutate(billContactSchema.parse({ accountId, ...values }), {
      onSuccess: () => notifySuccess(t('bills.contact.saved', { account: bill.accountName })),
      onError: (error) => {
        const errors = issuesToErrors(validationIssues(error))
        if (Object.keys(errors).length) form.setErrors(errors)
        else notifyFailure(t('bills.contact.save'), error)
      },
    })

  return (
    <Alert color="yellow" icon={<IconAddressBook size={18} />} title={t('bills.contact.title')}>
      <form onSubmit={form.onSubmit(handleSubmit)} aria-label={t('bills.contact.title')}>
        <Stack gap="sm">
          {t('bills.contact.intro', { account: bill.accountName })}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('bills.contact.name')} {...form.getInputProps('name')} />
            <TextInput label={t('bills.contact.vat')} required {...form.getInputProps('vat')} />
            <Select
              label={t('bills.contact.country')}
              data={countryOptions()}
              searchable
              required
              {...form.getInputProps('country')}
            />
            <TextInput label={t('bills.contact.address')} {...form.getInputProps('address')} />
            <TextInput label={t('bills.contact.zipcode')} {...form.getInputProps('zipcode')} />
            <TextInput label={t('bills.contact.city')} {...form.getInputProps('city')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('bills.contact.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  )
}
