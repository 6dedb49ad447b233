import { Button, Group, Modal, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PreviewContent } from './preview-content'
import type { PreviewResult } from './use-preview'

interface PreviewModalProps {
  result: PreviewResult | null
  onClose: () => void
  /** Makes the change that was previewed, e.g. "Create account"; the modal closes first. */
  apply?: { label: string; onApply: () => void }
}

/** The scripts a change would send, shown before it is made. */
export function PreviewModal({ result, onClose, apply }: PreviewModalProps) {
  const { t } = useTranslation()

  const handleApply = () => {
    onClose()
    apply?.onApply()
  }

  return (
    <Modal opened={result !== null} onClose={onClose} title={t('preview.title')} size="xl">
      <Stack gap="md">
        {result && <PreviewContent result={result} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('preview.close')}
          </Button>
          {apply && <Button onClick={handleApply}>{apply.label}</Button>}
        </Group>
      </Stack>
    </Modal>
  )
}
