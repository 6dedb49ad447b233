import { Badge } from '@mantine/core'
import { IconCircleCheck, IconCircleOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation()

  return active ? (
    <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} />}>
      {t('common.active')}
    </Badge>
  ) : (
    <Badge color="red" variant="light" leftSection={<IconCircleOff size={12} />}>
      {t('common.disabled')}
    </Badge>
  )
}
