import { List, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DomainDeleteItem } from '../../../../src-shared/schemas/domain-bulk'
import { useChannelQuery } from '../../api/queries'
import { QueryError } from '../../components/query-error'
import { toUnicodeName } from '../../lib/domain-unicode'

/** Most subdomains named per domain; the count still says how many go. */
const NAMED = 20

function DeleteItem({ item, single }: { item: DomainDeleteItem; single: boolean }) {
  const { t } = useTranslation()
  const { subdomains } = item
  const counts = [
    t('deleteDomain.records', { count: item.records }),
    item.addresses > 0 && t('deleteDomain.addresses', { count: item.addresses }),
  ].filter(Boolean)

  return (
    <div>
      {!single && (
        <Text size="sm" fw={600}>
          {toUnicodeName(item.name)}
        </Text>
      )}
      <Text size="sm">{t('deleteDomain.goesWith', { what: counts.join(', ') })}</Text>
      {subdomains.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {t('deleteDomain.subdomains', { count: subdomains.length })}
          </Text>
          <List size="sm" withPadding>
            {subdomains.slice(0, NAMED).map((name) => (
              <List.Item key={name}>{toUnicodeName(name)}</List.Item>
            ))}
            {subdomains.length > NAMED && (
              <List.Item>{t('deleteDomain.more', { count: subdomains.length - NAMED })}</List.Item>
            )}
          </List>
        </>
      )}
    </div>
  )
}

/** What deleting `ids` takes, read when the confirmation opens so it is what goes now. */
export function useDomainDeletePreview(ids: number[], opened: boolean) {
  return useChannelQuery('domains:deletePreview', { ids }, { enabled: opened && ids.length > 0 })
}

type DeletePreviewQuery = ReturnType<typeof useDomainDeletePreview>

/**
 * What a delete takes with it (spec 15.3: a top domain never goes silently with its
 * subdomains, their records and the mail addresses on them).
 */
export function DomainDeleteSummary({ preview }: { preview: DeletePreviewQuery }) {
  const { t } = useTranslation()
  const items = preview.data?.domains ?? []

  return (
    <Stack gap="sm" aria-busy={preview.isPending}>
      <Text size="sm">{t(items.length > 1 ? 'deleteDomain.introMany' : 'deleteDomain.intro')}</Text>
      {preview.isPending && <Loader size="sm" />}
      {preview.isError && (
        <QueryError error={preview.error} onRetry={() => void preview.refetch()} />
      )}
      {items.map((item) => (
        <DeleteItem key={item.id} item={item} single={items.length === 1} />
      ))}
      <Text size="xs" c="dimmed">
        {t('deleteDomain.historyKept')}
      </Text>
    </Stack>
  )
}
