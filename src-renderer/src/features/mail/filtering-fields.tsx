import { Select, Textarea } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { MAIL_FILTERINGS } from '../../../../src-shared/schemas/mail'

interface FilteringValues {
  filtering: string
  customFiltering: string
}

/** The filtering choice, and the Sieve text a CUSTOM filtering runs. */
export function FilteringFields<V extends FilteringValues>({
  form,
}: {
  form: UseFormReturnType<V>
}) {
  const { t } = useTranslation()
  const values = form.getValues()
  return (
    <>
      <Select
        label={t('mail.mailboxForm.filtering')}
        description={t('mail.mailboxForm.filteringHint')}
        data={MAIL_FILTERINGS.map((value) => ({ value, label: t(`mail.filterings.${value}`) }))}
        allowDeselect={false}
        {...form.getInputProps('filtering')}
      />
      {values.filtering === 'CUSTOM' && (
        <Textarea
          label={t('mail.mailboxForm.customFiltering')}
          description={t('mail.mailboxForm.customFilteringHint')}
          autosize
          minRows={6}
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace' } }}
          {...form.getInputProps('customFiltering')}
        />
      )}
    </>
  )
}
