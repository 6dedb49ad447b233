import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EmailUsage } from '../../../../src-shared/schemas/contacts'

export function UsageBadges({ usages }: { usages: EmailUsage[] }) {
  const { t } = useTranslation()

  return (
    <Group gap={4}>
      {usages.map((usage) => (
        <Badge
          key={usage}
          size="sm"
          variant="light"
          color={usage === 'EMERGENCY' ? 'red' : 'gray'}
          tt="none"
        >
          {t(`emailUsages.${usage}`)}
        </Badge>
      ))}
    </Group>
  )
}
