import { useState } from 'react'
import { Button, type ButtonProps } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ProcessFile } from '../../../../src-shared/schemas/payments'
import { useApi } from '../../api/client-context'
import { notifyFailure } from '../../lib/notify'

/** Saves the bank file under the name the core gave it, as the bank will receive it. */
export function saveProcessFile(file: ProcessFile) {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  // The download has taken the bytes by the next turn of the event loop.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export function DownloadProcessButton(props: { processId: number; size?: ButtonProps['size'] }) {
  const { t } = useTranslation()
  const api = useApi()
  const [loading, setLoading] = useState(false)
  const handleClick = () => {
    setLoading(true)
    api['paymentProcesses:file']({ id: props.processId })
      .then(saveProcessFile, (error: unknown) =>
        notifyFailure(t('payments.processes.download'), error),
      )
      .finally(() => setLoading(false))
  }
  return (
    <Button
      variant="default"
      size={props.size}
      leftSection={<IconDownload size={16} />}
      loading={loading}
      onClick={handleClick}
    >
      {t('payments.processes.download')}
    </Button>
  )
}
