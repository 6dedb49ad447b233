import { Anchor, Badge, Code, Group, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import type { Route } from '../../../../../src-shared/schemas/orchestration'
import { ActiveBadge } from '../../../components/active-badge'
import classes from '../../../components/table.module.css'
import badge from '../common/badge.module.css'

interface RoutesTableProps {
  routes: Route[]
  /** Off on a server's page, where every route goes to that server. */
  withServer?: boolean
}

function BackendCell({ route }: { route: Route }) {
  const { t } = useTranslation()
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor
        component={Link}
        to={`/routes/${route.id}/edit`}
        fw={600}
        size="sm"
        onClick={(event) => event.stopPropagation()}
      >
        {route.backendLabel}
      </Anchor>
      {!route.available && (
        <Badge
          className={badge.whole}
          color="red"
          variant="filled"
          size="sm"
          leftSection={<IconAlertTriangle size={12} />}
        >
          {t('routes.notAvailable')}
        </Badge>
      )}
    </Group>
  )
}

function AsyncCell({ route }: { route: Route }) {
  const { t } = useTranslation()
  if (route.isAsync)
    return (
      <Badge className={badge.whole} variant="light">
        {t('routes.asyncAll')}
      </Badge>
    )
  if (route.asyncActions.length === 0) return <Text size="sm">{t('common.no')}</Text>
  return <Text size="sm">{route.asyncActions.join(', ')}</Text>
}

export function RoutesTable({ routes, withServer = true }: RoutesTableProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('routes.columns.backend')}</Table.Th>
            {withServer && <Table.Th>{t('routes.columns.server')}</Table.Th>}
            <Table.Th>{t('routes.columns.match')}</Table.Th>
            <Table.Th>{t('routes.columns.async')}</Table.Th>
            <Table.Th>{t('routes.columns.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {routes.map((route) => (
            <Table.Tr
              key={route.id}
              className={classes.clickableRow}
              onClick={() => navigate(`/routes/${route.id}/edit`)}
            >
              <Table.Td>
                <BackendCell route={route} />
              </Table.Td>
              {withServer && (
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/servers/${route.serverId}`}
                    size="sm"
                    onClick={(event) => event.stopPropagation()}
                  >
                    {route.serverName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Code>{route.match || 'true'}</Code>
              </Table.Td>
              <Table.Td>
                <AsyncCell route={route} />
              </Table.Td>
              <Table.Td>
                <ActiveBadge active={route.isActive} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
