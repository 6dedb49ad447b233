import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { WebappType } from '../../../../src-shared/schemas/webapps'

const COLORS: Record<WebappType, string> = {
  static: 'gray',
  php: 'indigo',
  'symbolic-link': 'cyan',
  'wordpress-php': 'blue',
  'moodle-php': 'orange',
  webalizer: 'teal',
  python: 'yellow',
}

export function TypeBadge({ type }: { type: WebappType }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={COLORS[type]}>
      {t(`webapps.types.${type}`)}
    </Badge>
  )
}
