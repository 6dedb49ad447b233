import { Badge, Tooltip } from '@mantine/core'
import { IconDatabase } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useChannelQuery } from '../api/queries'

/**
 * Which database this window works on: the answer to "am I on the shared one?". It opens
 * Administration > Database, where the choice is made.
 */
export function DatabaseBadge() {
  const { t } = useTranslation()
  const { data } = useChannelQuery('app:info', {})

  if (!data) {
    return (
      <Badge variant="light" color="gray" visibleFrom="sm">
        {t('header.databaseUnknown')}
      </Badge>
    )
  }

  const { kind, location } = data.database
  const kindLabel = t(`header.databaseKind.${kind}`)
  return (
    <Tooltip label={`${kindLabel}: ${location}`} multiline maw={480}>
      <Badge
        variant="light"
        color={kind === 'postgres' ? 'grape' : 'teal'}
        leftSection={<IconDatabase size={12} />}
        maw={320}
        visibleFrom="sm"
        tt="none"
        style={{ cursor: 'pointer' }}
        renderRoot={(props) => (
          <Link
            to="/database"
            aria-label={`${t('header.databaseLabel')}: ${kindLabel}, ${location}`}
            {...props}
          />
        )}
      >
        {kindLabel} · {location}
      </Badge>
    </Tooltip>
  )
}
