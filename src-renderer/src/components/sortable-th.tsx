import type { ReactNode } from 'react'
import { Center, Group, Table, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'

interface SortableThProps<Sort extends string> {
  column: Sort
  sort: Sort
  dir: 'asc' | 'desc'
  onSort: (column: Sort) => void
  children: ReactNode
}

/**
 * A column header that sorts on click or Enter. The header's `aria-sort` tells assistive tech
 * the order; the button keeps the column name as its own name.
 */
export function SortableTh<Sort extends string>(props: SortableThProps<Sort>) {
  const { column, sort, dir, onSort, children } = props
  const active = column === sort
  const Icon = !active ? IconSelector : dir === 'asc' ? IconChevronUp : IconChevronDown
  const ariaSort = active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined

  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton onClick={() => onSort(column)}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {children}
          </Text>
          <Center c={active ? undefined : 'dimmed'}>
            <Icon size={14} stroke={1.8} />
          </Center>
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}
