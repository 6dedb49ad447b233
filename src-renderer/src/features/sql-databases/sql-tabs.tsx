import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'

/** Databases and their users are two lists of one service. */
export function SqlTabs({ current }: { current: 'databases' | 'users' }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <SegmentedControl
      w="fit-content"
      value={current}
      onChange={(value) =>
        navigate(value === 'users' ? '/services/databases/users' : '/services/databases')
      }
      data={[
        { value: 'databases', label: t('sqlDatabases.tabDatabases') },
        { value: 'users', label: t('sqlDatabases.tabUsers') },
      ]}
    />
  )
}
