import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { IconPlus, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { SqlDatabaseDetail } from '../../../../src-shared/schemas/sql-databases'
import { useChannelMutation } from '../../api/queries'
import { useReadOnly } from '../../hooks/use-read-only'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { UserSelect } from './user-select'

/** The database's users, owner first; adding or removing one is a change sent to the servers. */
export function DatabaseUsersCard({ detail }: { detail: SqlDatabaseDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const { database, grants } = detail
  const [adding, setAdding] = useState<string | null>(null)
  const update = useChannelMutation('sqlDatabases:update')
  const userIds = grants.map((grant) => grant.userId)

  const save = (next: number[]) =>
    update.mutate(
      { id: database.id, version: database.version, userIds: next },
      {
        onSuccess: () => {
          setAdding(null)
          notifySuccess(t('sqlDatabase.saved', { name: database.name }))
        },
        onError: (error) => notifyFailure(t('sqlDatabase.saveUsers'), error),
      },
    )

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('sqlDatabase.users')}>
      <Stack gap="md">
        <div>
          <Title order={4}>{t('sqlDatabase.users')}</Title>
          <Text size="sm" c="dimmed">
            {t('sqlDatabase.usersHint')}
          </Text>
        </div>
        {grants.length === 0 && <Text size="sm">{t('sqlDatabase.noUsers')}</Text>}
        {grants.length > 0 && (
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {grants.map((grant) => (
                <Table.Tr key={grant.userId}>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/services/databases/users/${grant.userId}`}
                      ff="monospace"
                      size="sm"
                    >
                      {grant.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {grant.isOwner && <Badge variant="light">{t('sqlDatabases.owner')}</Badge>}
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('sqlDatabase.remove', { name: grant.username })}
                      disabled={readOnly || update.isPending}
                      onClick={() => save(userIds.filter((id) => id !== grant.userId))}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group align="flex-end" gap="sm">
          <UserSelect
            accountId={database.accountId}
            type={database.type}
            exclude={userIds}
            label={t('sqlDatabase.addUser')}
            placeholder={t('sqlDatabase.addUserPlaceholder')}
            value={adding}
            onChange={setAdding}
            w={280}
          />
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={readOnly || !adding}
            loading={update.isPending}
            onClick={() => save([...userIds, Number(adding)])}
          >
            {t('sqlDatabase.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
