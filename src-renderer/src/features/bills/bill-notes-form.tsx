import { Button, Group, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { billUpdateSchema, type BillDetail } from '../../../../src-shared/schemas/bills'
import { issuesToErrors, schemaErrors, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { notifyFailure, notifySuccess } from '../../lib/notify'

interface NotesValues {
  comments: string
  dueOn: string
}

/** What an open bill still takes besides lines: the comments it prints and its due date. */
export function BillNotesForm({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const update = useChannelMutation('bills:update')
  const form = useForm<NotesValues>({
    initialValues: { comments: bill.comments, dueOn: bill.dueOn ?? '' },
    validate: (values) => schemaErrors(billUpdateSchema, request(values)),
  })
  const request = (values: NotesValues) => ({
    id: bill.id,
    version: bill.version,
    comments: values.comments,
    dueOn: values.dueOn || null,
  })
  const handleSubmit = (values: NotesValues) =>
    update.mutate(request(values), {
      onSuccess: () => notifySuccess(t('bills.notes.saved', { number: bill.number })),
      onError: (error) => {
        const errors = issuesToErrors(validationIssues(error))
        if (Object.keys(errors).length) form.setErrors(errors)
        else notifyFailure(t('bills.notes.save'), error)
      },
    })

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('bills.notes.title')}>
      <form onSubmit={form.onSubmit(handleSubmit)}>
        <Stack gap="sm">
          <Title order={4}>{t('bills.notes.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Textarea
              label={t('bills.notes.comments')}
              description={t('bills.notes.commentsHint')}
              autosize
              minRows={2}
              style={{ gridColumn: 'span 2' }}
              {...form.getInputProps('comments')}
            />
            <TextInput
              type="date"
              label={t('bills.notes.dueOn')}
              description={t('bills.notes.dueOnHint')}
              {...form.getInputProps('dueOn')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={update.isPending}>
              {t('bills.notes.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
