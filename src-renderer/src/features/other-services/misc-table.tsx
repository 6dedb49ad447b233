import { Anchor, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router-dom'
import {
  miscellaneousName,
  type MiscellaneousRow,
} from '../../../../src-shared/schemas/other-services'
import { ActiveBadge } from '../../components/active-badge'
import classes from '../../components/table.module.css'

function MiscTableRow({ row }: { row: MiscellaneousRow }) {
  const navigate = useNavigate()
  const path = `/services/miscellaneous/${row.id}`
  const stop = (event: { stopPropagation(): void }) => event.stopPropagation()

  return (
    <Table.Tr className={classes.clickableRow} onClick={() => navigate(path)}>
      <Table.Td>
        <Anchor component={Link} to={path} fw={600} size="sm" ff="monospace" onClick={stop}>
          {miscellaneousName(row, row.serviceName)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.serviceVerboseName || row.serviceName}</Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${row.accountId}`} size="sm" onClick={stop}>
          {row.accountUsername}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{row.amount}</Text>
      </Table.Td>
      <Table.Td>
        <ActiveBadge active={row.effectiveActive} />
      </Table.Td>
    </Table.Tr>
  )
}

export function MiscTable({ rows }: { rows: MiscellaneousRow[] }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('otherServices.misc.columns.identifier')}</Table.Th>
            <Table.Th>{t('otherServices.misc.columns.service')}</Table.Th>
            <Table.Th>{t('otherServices.misc.columns.account')}</Table.Th>
            <Table.Th>{t('otherServices.misc.columns.amount')}</Table.Th>
            <Table.Th>{t('otherServices.misc.columns.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <MiscTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
