import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { WebsiteDetail } from '../../../../src-shared/schemas/websites'
import { toUnicodeName } from '../../lib/domain-unicode'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  )
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={4}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  )
}

function Summary({ detail }: { detail: WebsiteDetail }) {
  const { t } = useTranslation()
  const { website } = detail
  const state = detail.active
    ? t('websites.detail.served')
    : website.isActive
      ? t('websites.detail.disabledByAccount')
      : t('websites.detail.disabledHere')
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <Field label={t('websites.detail.url')}>{detail.url || '—'}</Field>
      <Field label={t('websites.columns.protocol')}>
        {t(`websites.protocols.${website.protocol}`)}
      </Field>
      <Field label={t('websites.detail.uniqueName')}>
        <Text ff="monospace" size="sm">
          {detail.uniqueName}.conf
        </Text>
      </Field>
      <Field label={t('websites.detail.state')}>{state}</Field>
      <Field label={t('websites.detail.account')}>
        <Anchor component={Link} to={`/accounts/${website.accountId}`} size="sm">
          {detail.accountUsername}
        </Anchor>
      </Field>
    </SimpleGrid>
  )
}

function Domains({ detail }: { detail: WebsiteDetail }) {
  const { t } = useTranslation()
  if (!detail.domains.length) return <Text size="sm">{t('websites.detail.noDomains')}</Text>
  return (
    <Group gap="xs">
      {detail.domains.map((domain) => (
        <Badge
          key={domain.id}
          variant="light"
          tt="none"
          component={Link}
          to={`/services/domains/${domain.id}`}
        >
          {toUnicodeName(domain.name)}
        </Badge>
      ))}
    </Group>
  )
}

function Contents({ detail }: { detail: WebsiteDetail }) {
  const { t } = useTranslation()
  if (!detail.contents.length) return <Text size="sm">{t('websites.detail.noContents')}</Text>
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('websites.detail.path')}</Table.Th>
          <Table.Th>{t('websites.detail.webapp')}</Table.Th>
          <Table.Th>{t('websites.detail.type')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.contents.map((content) => (
          <Table.Tr key={content.path}>
            <Table.Td ff="monospace">{content.path}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/services/webapps/${content.webappId}`} size="sm">
                {content.webappName}
              </Anchor>
            </Table.Td>
            <Table.Td>{content.webappType}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function Directives({ detail }: { detail: WebsiteDetail }) {
  const { t } = useTranslation()
  if (!detail.directives.length) return <Text size="sm">{t('websites.detail.noDirectives')}</Text>
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('websites.detail.directive')}</Table.Th>
          <Table.Th>{t('websites.detail.value')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.directives.map((directive, index) => (
          <Table.Tr key={index}>
            <Table.Td>{directive.name}</Table.Td>
            <Table.Td ff="monospace">{directive.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** What the web servers serve for the site: where, under which names, and how. */
export function WebsiteOverview({ detail }: { detail: WebsiteDetail }) {
  const { t } = useTranslation()
  return (
    <Stack gap="lg">
      <Card title={t('websites.detail.overview')}>
        <Summary detail={detail} />
      </Card>
      <Card title={t('websites.detail.domains')}>
        <Domains detail={detail} />
      </Card>
      <Card title={t('websites.detail.contents')}>
        <Contents detail={detail} />
      </Card>
      <Card title={t('websites.detail.directives')}>
        <Directives detail={detail} />
      </Card>
    </Stack>
  )
}
