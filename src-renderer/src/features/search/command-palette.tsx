import { useMemo, useState } from 'react'
import { Group, Loader, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { errorMessage } from '../../api/errors'
import { useChannelQuery } from '../../api/queries'
import { hitGroups, navigationGroup } from './palette-actions'

/** Ctrl+K / Cmd+K from anywhere, inputs included: searches accounts and contacts on the server. */
export function CommandPalette() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 200)
  const searching = query.trim().length > 0
  const search = useChannelQuery(
    'search:global',
    { q: debounced, limit: 10 },
    { enabled: debounced.length > 0, keepPrevious: true },
  )

  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    const hits = searching && search.data ? hitGroups(search.data, navigate) : []
    const places = navigationGroup(query, navigate)
    return places.actions.length ? [...hits, places] : hits
  }, [searching, search.data, query, navigate])

  const nothingFound = search.isFetching ? (
    <Group justify="center" gap="xs">
      <Loader size="xs" />
      <Text size="sm">{t('palette.searching')}</Text>
    </Group>
  ) : search.isError ? (
    t('palette.failed', { message: errorMessage(search.error) })
  ) : (
    t('palette.nothingFound')
  )

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      // The server already filtered and ranked the hits; filtering again would drop matches
      // on fields the palette does not show.
      filter={(_query, all) => all}
      nothingFound={nothingFound}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      highlightQuery
      scrollable
      maxHeight={440}
      searchProps={{
        leftSection: <IconSearch size={20} stroke={1.5} />,
        placeholder: t('palette.placeholder'),
        'aria-label': t('palette.label'),
      }}
    />
  )
}
