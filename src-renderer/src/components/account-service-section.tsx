import type { ReactNode } from 'react'
import {
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  type ListProps,
} from '@mantine/core'
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
  /**
   * One kind among others in an AccountServiceGroup: a column with a smaller heading, kept
   * when it has no items so that its New link stays at hand.
   */
  nested?: boolean
  /** Said in place of the list when there are no items (nested sections only). */
  empty?: string
  /** A kind that belongs with this one, in a column beside its list (e.g. its users). */
  beside?: ReactNode
}

function SectionHeader({
  title,
  nested,
  allTo,
  allLabel,
  newTo,
  newLabel,
}: {
  title: string
  nested?: boolean
  allTo: string
  allLabel: string
  newTo: string
  newLabel: string
}) {
  return (
    <Group justify="space-between">
      <Title order={nested ? 5 : 4}>{title}</Title>
      <Group gap="xs">
        <Button
          variant="subtle"
          size="xs"
          component={Link}
          to={allTo}
          rightSection={<IconExternalLink size={14} />}
        >
          {allLabel}
        </Button>
        <WriteLinkButton to={newTo} size="xs" variant="light" leftSection={<IconPlus size={14} />}>
          {newLabel}
        </WriteLinkButton>
      </Group>
    </Group>
  )
}

function ServiceList<T extends { id: number }>({
  items,
  path,
  label,
  extra,
  monospace,
  listProps,
}: Pick<
  AccountServiceSectionProps<T>,
  'items' | 'path' | 'label' | 'extra' | 'monospace' | 'listProps'
>) {
  return (
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
  )
}

/**
 * One kind of an account's services on its page: the title with their number, a link to all of
 * them filtered to the account, one to a new one, and a link to each; absent when it has none
 * (unless nested in a group, or with a kind beside it: then its caller decides).
 */
export function AccountServiceSection<T extends { id: number }>({
  title,
  accountId,
  path,
  allLabel,
  newLabel,
  items,
  count = items.length,
  nested,
  empty,
  beside,
  ...list
}: AccountServiceSectionProps<T>) {
  if (count === 0 && !nested && !beside) return null

  const header = (
    <SectionHeader
      title={`${title} (${count})`}
      nested={nested}
      allTo={`${path}?account=${accountId}`}
      allLabel={allLabel}
      newTo={`${path}/new?account=${accountId}`}
      newLabel={newLabel}
    />
  )
  const body =
    count === 0 && empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : (
      <ServiceList items={items} path={path} {...list} />
    )
  if (nested) {
    return (
      <Stack gap="xs" component="section" aria-label={title}>
        {header}
        {body}
      </Stack>
    )
  }
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        {header}
        {beside ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {body}
            {beside}
          </SimpleGrid>
        ) : (
          body
        )}
      </Stack>
    </Paper>
  )
}

/**
 * Kinds of an account's services that belong together (mailboxes and addresses), side by side
 * under one title, each a nested AccountServiceSection. Its caller leaves it out when all are
 * empty.
 */
export function AccountServiceGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={4}>{title}</Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {children}
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
