import { Button } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

/** Asks what a change would send to servers; a form's values are checked first. */
interface PreviewButtonProps {
  onClick: () => void
  loading: boolean
  disabled?: boolean
}

export function PreviewButton({ onClick, loading, disabled }: PreviewButtonProps) {
  const { t } = useTranslation()
  return (
    <Button
      type="button"
      variant="default"
      leftSection={<IconEye size={16} />}
      onClick={onClick}
      loading={loading}
      disabled={disabled}
    >
      {t('preview.button')}
    </Button>
  )
}
