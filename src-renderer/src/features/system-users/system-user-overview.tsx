import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { SystemUserDetail } from '../../../../src-shared/schemas/system-users'

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

/** What the servers see of the user: its home, shell, groups and whether it may log in. */
export function SystemUserOverview({ detail }: { detail: SystemUserDetail }) {
  const { t } = useTranslation()
  const { user } = detail
  const groups = detail.groups.length
    ? detail.groups.map((group, index) => (
        <span key={group.id}>
          {index > 0 && ', '}
          <Anchor component={Link} to={`/services/system-users/${group.id}`} size="sm">
            {group.username}
          </Anchor>
        </span>
      ))
    : t('systemUsers.detail.noGroups')
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Title order={4}>{t('systemUsers.detail.onServers')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Field label={t('systemUsers.detail.home')}>
            <Text ff="monospace" size="sm">
              {detail.effectiveHome}
            </Text>
          </Field>
          <Field label={t('systemUsers.detail.shell')}>
            <Group gap="xs">
              <Text ff="monospace" size="sm">
                {user.shell}
              </Text>
              <Text size="xs" c="dimmed">
                {detail.hasShell ? t('systemUsers.detail.login') : t('systemUsers.detail.noLogin')}
              </Text>
            </Group>
          </Field>
          <Field label={t('systemUsers.detail.password')}>
            {user.hasPassword
              ? t('systemUsers.detail.passwordSet')
              : t('systemUsers.detail.noPassword')}
          </Field>
          <Field label={t('systemUsers.detail.state')}>
            {detail.effectiveActive
              ? t('systemUsers.detail.unlocked')
              : user.isActive
                ? t('systemUsers.detail.lockedByAccount')
                : t('systemUsers.detail.locked')}
          </Field>
          <Field label={t('systemUsers.detail.groups')}>
            {user.role === 'main' ? t('systemUsers.detail.mainGroups') : groups}
          </Field>
          <Field label={t('systemUsers.detail.account')}>
            <Anchor component={Link} to={`/accounts/${detail.account.id}`} size="sm">
              {detail.account.username}
            </Anchor>
          </Field>
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
