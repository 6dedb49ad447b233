import { Anchor, Button, Group, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { mailAddressUpdateSchema, type MailAddressRow } from '../../../../src-shared/schemas/mail'
import { schemaErrors } from '../../api/errors'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConflictAlert } from '../../components/conflict-alert'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { FormSection } from '../../components/form-section'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { useSubmitErrors } from '../../hooks/use-submit-errors'
import { notifySuccess } from '../../lib/notify'
import {
  AddressTargetFields,
  targetRequest,
  type AddressTargetValues,
} from './address-target-fields'
import { MailDeleteButton } from './mail-delete-button'
import { MailObjectTabs } from './mail-object-tabs'
import { toUnicodeEmail } from './unicode-email'

function AddressEditForm({ address }: { address: MailAddressRow }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const update = useChannelMutation('mailAddresses:update')
  const toRequest = (values: AddressTargetValues) => ({
    id: address.id,
    version: address.version,
    ...targetRequest(values),
  })
  const form = useForm<AddressTargetValues>({
    initialValues: {
      mailboxIds: address.mailboxes.map((m) => String(m.id)),
      forward: address.forward,
      autoresponseEnabled: address.autoresponseEnabled,
      autoresponseSubject: address.autoresponseSubject,
      autoresponseMessage: address.autoresponseMessage,
    },
    validate: (values) => schemaErrors(mailAddressUpdateSchema, toRequest(values)),
  })
  const submitErrors = useSubmitErrors(form, t('common.save'))
  const handleSubmit = form.onSubmit((values) => {
    submitErrors.clear()
    update.mutate(toRequest(values), {
      onSuccess: (saved) =>
        notifySuccess(t('mail.addressForm.saved', { email: toUnicodeEmail(saved.email) })),
      onError: submitErrors.handleError,
    })
  }, submitErrors.focusError)

  return (
    <form
      id={submitErrors.formId}
      onSubmit={handleSubmit}
      noValidate
      aria-label={t('mail.addressForm.editTitle')}
    >
      <Stack gap="lg" maw={720}>
        {submitErrors.conflict && (
          <ConflictAlert title={t('mail.conflict.title')} body={t('mail.conflict.body')} />
        )}
        <FormIssuesAlert issues={submitErrors.unplaced} />
        <FormSection title={t('mail.addressForm.sectionTargets')}>
          <AddressTargetFields form={form} accountId={address.accountId} />
        </FormSection>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={readOnly}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function AddressPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('mailAddresses:get', { id })
  if (query.isError) {
    return (
      <Page title={t('mail.addresses.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    )
  }
  if (!query.data) return <PageLoader />
  const address = query.data
  const email = toUnicodeEmail(address.email)

  return (
    <Page
      title={email}
      description={
        <Group gap="md" component="span">
          {email !== address.email && <span>{address.email}</span>}
          <Anchor component={Link} to={`/accounts/${address.accountId}`} size="sm">
            {address.accountUsername}
          </Anchor>
        </Group>
      }
      crumbs={[{ label: t('mail.addresses.title'), to: '/services/mail-addresses' }]}
      actions={<MailDeleteButton kind="mailAddresses" id={address.id} name={email} />}
      ready={query.isSuccess && !query.isFetching}
    >
      <MailObjectTabs objectType="mailAddress" objectId={address.id}>
        <AddressEditForm key={address.version} address={address} />
      </MailObjectTabs>
    </Page>
  )
}
