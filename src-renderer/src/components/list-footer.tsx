import { Group, Pagination, Select, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const PAGE_SIZES = ['10', '25', '50', '100']

interface ListFooterProps {
  total: number
  /** False when `total` is a lower bound (the count stopped at a cap): shown as "10,000+". */
  totalExact?: boolean
  page: number
  pageSize: number
  onPageChange: (page: number) => void
  onPageSizeChange: (size: number) => void
}

export function ListFooter({ total, totalExact, page, pageSize, ...handlers }: ListFooterProps) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(total, page * pageSize)

  return (
    <Group justify="space-between" gap="sm">
      <Group gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {totalExact === false
            ? t('list.summaryAtLeast', { from, to, total })
            : t('list.summary', { from, to, total })}
        </Text>
        <Select
          aria-label={t('list.pageSize')}
          data={PAGE_SIZES}
          value={String(pageSize)}
          onChange={(value) => value && handlers.onPageSizeChange(Number(value))}
          allowDeselect={false}
          size="xs"
          w={80}
        />
      </Group>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={handlers.onPageChange}
        size="sm"
        aria-label={t('list.pagination')}
      />
    </Group>
  )
}
