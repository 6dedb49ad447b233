import { Anchor, Badge, EmptyState, Paper, Stack, Table, Title } from '@mantine/core'
import { IconServer } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { OwnedService } from '../../../../src-shared/schemas/accounts'
import { ActiveBadge } from '../../components/active-badge'
import { toUnicodeName } from '../../lib/domain-unicode'

/** A service's name; a domain's links to its page and reads in Unicode. */
function ServiceName({ service }: { service: OwnedService }) {
  if (service.kind !== 'domain') return <>{service.name}</>
  return (
    <Anchor component={Link} to={`/services/domains/${service.id}`} size="sm">
      {toUnicodeName(service.name)}
    </Anchor>
  )
}

/** The account's services. The service catalogue fills this in; the seam is `services`. */
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
              {services.map((service) => (
                <Table.Tr key={`${service.kind}:${service.id}`}>
                  <Table.Td>
                    <Badge variant="outline" tt="none">
                      {service.kind}
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
