import { Anchor, Group, Paper, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { SaasTenantDetail, SaasTenantRow } from '../../../../src-shared/schemas/saas'
import { formatDateTime } from '../../lib/dates'
import { serviceLabel } from './saas-services'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  )
}

/** The website serving the custom URL, linked, and whether it was made for it. */
function WebsiteLink({ website }: { website: NonNullable<SaasTenantDetail['website']> }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs">
      <Anchor component={Link} to={`/services/websites/${website.id}`} size="sm">
        {website.name}
      </Anchor>
      {website.created && (
        <Text size="sm" c="dimmed">
          {t('saas.websiteCreated')}
        </Text>
      )}
    </Group>
  )
}

interface OverviewProps {
  tenant: SaasTenantRow
  website: SaasTenantDetail['website']
}

/** What a tenant is: its service, where it answers, whose it is, what the service said. */
export function SaasOverview({ tenant, website }: OverviewProps) {
  const { t } = useTranslation()
  const mono = (text: string) => (
    <Text size="sm" ff="monospace">
      {text}
    </Text>
  )

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('saas.overview')} maw={720}>
      <Table variant="vertical" withRowBorders={false}>
        <Table.Tbody>
          <Row label={t('saas.fields.service')}>{serviceLabel(tenant.service)}</Row>
          <Row label={t('saas.fields.site')}>{mono(tenant.siteDomain)}</Row>
          <Row label={t('saas.fields.account')}>
            <Anchor component={Link} to={`/accounts/${tenant.accountId}`} size="sm">
              {tenant.accountUsername}
            </Anchor>
          </Row>
          {tenant.data.email && <Row label={t('saas.fields.email')}>{mono(tenant.data.email)}</Row>}
          <Row label={t('saas.fields.customUrl')}>
            {tenant.customUrl ? mono(tenant.customUrl) : t('saas.noCustomUrl')}
          </Row>
          {tenant.customUrl && (
            <Row label={t('saas.fields.website')}>
              {website ? <WebsiteLink website={website} /> : t('saas.noWebsite')}
            </Row>
          )}
          {tenant.data.blogId !== undefined && (
            <Row label={t('saas.fields.blogId')}>{tenant.data.blogId}</Row>
          )}
          {tenant.data.userId !== undefined && (
            <Row label={t('saas.fields.userId')}>{tenant.data.userId}</Row>
          )}
          <Row label={t('saas.fields.created')}>{formatDateTime(tenant.createdAt)}</Row>
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
