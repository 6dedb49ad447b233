import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SystemUserRole } from '../../../../src-shared/schemas/system-users'

const COLORS: Record<SystemUserRole, string> = { main: 'blue', cgi: 'grape', extra: 'gray' }

/** Main, CGI or extra: the first two come and go with their account. */
export function RoleBadge({ role }: { role: SystemUserRole }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={COLORS[role]} tt="none">
      {t(`systemUsers.roles.${role}`)}
    </Badge>
  )
}
