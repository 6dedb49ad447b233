import { useState } from 'react'
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../../src-shared/errors'
import type { PaymentSourceView } from '../../../../src-shared/schemas/payments'
import { issuesToErrors, schemaErrors, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { FormIssuesAlert } from '../../components/form-issues-alert'
import { requiredInput } from '../../components/required'
import { unplacedIssues } from '../../lib/form-paths'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import {
  NEW_SOURCE,
  sourceData,
  sourceDataSchema,
  sourceValues,
  toFormErrors,
  toFormField,
  type SourceFormValues,
} from './source-form-values'

function SepaInputs({ form }: { form: UseFormReturnType<SourceFormValues> }) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        label={t('payments.sources.fields.name')}
        description={t('payments.sources.hints.name')}
        autoComplete="off"
        {...requiredInput}
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('payments.sources.fields.iban')}
        description={t('payments.sources.hints.iban')}
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        {...requiredInput}
        {...form.getInputProps('iban')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('payments.sources.fields.mandateId')}
          description={t('payments.sources.hints.mandateId')}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('mandateId')}
        />
        <TextInput
          type="date"
          label={t('payments.sources.fields.signedOn')}
          description={t('payments.sources.hints.signedOn')}
          {...form.getInputProps('signedOn')}
        />
      </SimpleGrid>
    </>
  )
}

interface SourceFormModalProps {
  accountId: number
  /** The source to edit; absent: a new one. */
  source?: PaymentSourceView
  onClose: () => void
}

/**
 * A payment source's form, in a modal over the account page. The method is chosen once, when
 * adding; a refused save puts each error under the input the core names.
 */
export function SourceFormModal({ accountId, source, onClose }: SourceFormModalProps) {
  const { t } = useTranslation()
  const create = useChannelMutation('paymentSources:create')
  const update = useChannelMutation('paymentSources:update')
  const [unplaced, setUnplaced] = useState<FieldIssue[]>([])
  const form = useForm<SourceFormValues>({
    initialValues: source ? sourceValues(source) : NEW_SOURCE,
    validate: (values) =>
      toFormErrors(schemaErrors(sourceDataSchema(values.method), { data: sourceData(values) })),
  })
  const title = source ? t('payments.sources.editTitle') : t('payments.sources.addTitle')
  const submitLabel = source ? t('common.save') : t('payments.sources.add')

  const handleError = (error: unknown) => {
    const issues = validationIssues(error).map(toFormField)
    if (!issues.length) return notifyFailure(title, error)
    form.setErrors(issuesToErrors(issues))
    setUnplaced(unplacedIssues(issues, form.getValues()))
  }
  const handleSaved = (saved: PaymentSourceView) => {
    notifySuccess(t('payments.sources.saved', { label: saved.label || saved.number }))
    onClose()
  }
  const handleSubmit = (values: SourceFormValues) => {
    setUnplaced([])
    const data = sourceData(values)
    if (source) {
      update.mutate(
        { id: source.id, version: source.version, data },
        { onSuccess: handleSaved, onError: handleError },
      )
    } else if (values.method === 'BANK_TRANSFER') {
      create.mutate(
        { accountId, method: 'BANK_TRANSFER', data: { label: values.label } },
        { onSuccess: handleSaved, onError: handleError },
      )
    } else {
      const { name, iban, mandateId, signedOn } = values
      create.mutate(
        { accountId, method: 'SEPA_DIRECT_DEBIT', data: { name, iban, mandateId, signedOn } },
        { onSuccess: handleSaved, onError: handleError },
      )
    }
  }
  const method = form.getValues().method

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit(handleSubmit)} noValidate aria-label={title}>
        <Stack gap="md">
          <FormIssuesAlert issues={unplaced} />
          {!source && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="source-method">
                {t('payments.sources.fields.method')}
              </Text>
              <SegmentedControl
                aria-labelledby="source-method"
                data={(['SEPA_DIRECT_DEBIT', 'BANK_TRANSFER'] as const).map((value) => ({
                  value,
                  label: t(`payments.methods.${value}`),
                }))}
                {...form.getInputProps('method')}
              />
            </Stack>
          )}
          {method === 'SEPA_DIRECT_DEBIT' ? (
            <SepaInputs form={form} />
          ) : (
            <TextInput
              label={t('payments.sources.fields.label')}
              description={t('payments.sources.hints.label')}
              autoComplete="off"
              {...form.getInputProps('label')}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
