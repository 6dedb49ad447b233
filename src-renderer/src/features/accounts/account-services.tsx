import { Anchor, Badge, EmptyState, Paper, Stack, Table, Title } from '@mantine/core'
import { IconServer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { ActiveBadge } from '../../components/active-badge'
import { objectDisplayName, objectKindLabel, objectPath } from '../../lib/service-objects'

/** A service's name as people read it, linked to its page. */
function ServiceName({ service }: { service: OwnedService }) {
  const name = objectDisplayName(service.kind, service.name)
  const path = objectPath(service.kind, service.id)
  if (!path) return <>{name}</>
  return (
    <Anchor component={Link} to={path} size="sm">
      {name}
    </Anchor>
  )
}

/** The order operators think of an account's services in, whatever order main lists them. */
const KIND_ORDER = ['domain', 'systemUser', 'mailbox', 'mailAddress', 'sqlDatabase', 'sqlUser']
const rank = (kind: string) => KIND_ORDER.indexOf(kind) + 1 || KIND_ORDER.length + 1

/** The account's services at a glance, each with its state; the sections below manage them. */
export function AccountServices({ services }: { services: OwnedService[] }) {
  const { t } = useTranslation()

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('account.servicesTitle')}>
      <Stack gap="md">
        <Title order={4}>
          {t('account.servicesTitle')} ({services.length})
        </Title>
        {services.length === 0 ? (
          <EmptyState
            size="sm"
            icon={<IconServer size={22} />}
            withIndicatorBackground
            title={t('account.servicesEmpty')}
            description={t('account.servicesEmptyHint')}
          />
        ) : (
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {[...services]
                .sort((a, b) => rank(a.kind) - rank(b.kind))
                .map((service) => (
                  <Table.Tr key={`${service.kind}:${service.id}`}>
                    <Table.Td>
                      <Badge variant="outline" tt="none">
                        {objectKindLabel(service.kind)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <ServiceName service={service} />
                    </Table.Td>
                    <Table.Td>
                      <ActiveBadge active={service.isActive} />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  )
}
