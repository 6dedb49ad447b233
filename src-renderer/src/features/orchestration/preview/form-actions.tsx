import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { PreviewButton } from './preview-button'

interface FormActionsProps {
  /** Where Cancel goes back to. */
  cancelTo: string
  submitLabel: string
  saving: boolean
  previewing: boolean
  onPreview: () => void
  /** A database open for audit takes no changes. */
  disabled: boolean
}

/** The end of a form that changes servers: Cancel, Preview on servers, and the save itself. */
export function FormActions(props: FormActionsProps) {
  const { cancelTo, submitLabel, saving, previewing, onPreview, disabled } = props
  const { t } = useTranslation()
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" component={Link} to={cancelTo}>
        {t('common.cancel')}
      </Button>
      <PreviewButton onClick={onPreview} loading={previewing} disabled={disabled} />
      <Button type="submit" loading={saving} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  )
}
