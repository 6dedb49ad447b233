import type { ReactNode } from 'react'
import { Anchor, Button, Group, List, Paper, Stack, Title, type ListProps } from '@mantine/core'
import { IconExternalLink, IconPlus } from '@tabler/icons-react'
import { Link } from 'react-router-dom'
import { WriteLinkButton } from './write-link-button'

interface AccountServiceSectionProps<T extends { id: number }> {
  /** The heading, and the section's accessible name. */
  title: string
  accountId: number
  /** The objects' list, e.g. `/services/webapps`; their form and pages lie below it. */
  path: string
  /** The link to the list filtered to the account. */
  allLabel: string
  newLabel: string
  items: T[]
  /** The number after the title, when it is not that of the items (still loading). */
  count?: number
  /** What each item's link says. */
  label: (item: T) => ReactNode
  /** Shown after each item's link, beside it. */
  extra?: (item: T) => ReactNode
  monospace?: boolean
  listProps?: Pick<ListProps, 'spacing' | 'listStyleType'>
}

/**
 * One kind of an account's services on its page: the title with their number, a link to all of
 * them filtered to the account, one to a new one, and a link to each; absent when it has none.
 */
export function AccountServiceSection<T extends { id: number }>({
  title,
  accountId,
  path,
  allLabel,
  newLabel,
  items,
  count = items.length,
  label,
  extra,
  monospace,
  listProps,
}: AccountServiceSectionProps<T>) {
  if (count === 0) return null

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>
            {title} ({count})
          </Title>
          <Group gap="xs">
            <Button
              variant="subtle"
              size="xs"
              component={Link}
              to={`${path}?account=${accountId}`}
              rightSection={<IconExternalLink size={14} />}
            >
              {allLabel}
            </Button>
            <WriteLinkButton
              to={`${path}/new?account=${accountId}`}
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
            >
              {newLabel}
            </WriteLinkButton>
          </Group>
        </Group>
        <List size="sm" spacing={4} {...listProps}>
          {items.map((item) => {
            const link = (
              <Anchor
                component={Link}
                to={`${path}/${item.id}`}
                size="sm"
                ff={monospace ? 'monospace' : undefined}
              >
                {label(item)}
              </Anchor>
            )
            return (
              <List.Item key={item.id}>
                {extra ? (
                  <Group gap="xs">
                    {link}
                    {extra(item)}
                  </Group>
                ) : (
                  link
                )}
              </List.Item>
            )
          })}
        </List>
      </Stack>
    </Paper>
  )
}
