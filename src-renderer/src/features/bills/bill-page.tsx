import { useState } from 'react'
import { Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { BillDetail, BillLineView } from '../../../../src-shared/schemas/bills'
import { useChannelQuery } from '../../api/queries'
import { Page } from '../../components/page'
import { PageLoader } from '../../components/page-loader'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { BillPaymentsCard } from '../payments/bill-payments-card'
import { BillActions } from './bill-actions'
import { BillContactForm } from './bill-contact-form'
import { Amount, PaymentBadge } from './bill-badges'
import { BillCreditModal } from './bill-credit-modal'
import { BillLineTools } from './bill-line-tools'
import { BillNotesForm } from './bill-notes-form'
import { BillLinesTable, BillTotals } from './bill-lines-table'
import { BillPdfPreview } from './bill-pdf-preview'
import { SentBadge } from './bill-send'
import { Fact } from '../../components/fact'

function BillFacts({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
      <Fact label={t('bills.detail.account')}>
        {bill.accountId ? (
          <Anchor component={Link} to={`/accounts/${bill.accountId}`} size="sm">
            {bill.accountName}
          </Anchor>
        ) : (
          bill.accountName
        )}
      </Fact>
      <Fact label={t('bills.detail.created')}>{bill.createdOn}</Fact>
      <Fact label={t('bills.detail.closed')}>{bill.closedOn ?? t('bills.detail.notClosed')}</Fact>
      <Fact label={t('bills.detail.due')}>{bill.dueOn ?? t('bills.detail.dueOnClose')}</Fact>
      {bill.buyer && (
        <Fact label={t('bills.detail.buyer')}>
          {[bill.buyer.name, bill.buyer.vat, bill.buyer.address, bill.buyer.city]
            .filter(Boolean)
            .join(' · ')}
        </Fact>
      )}
      {bill.amendOf && (
        <Fact label={t('bills.detail.amends')}>
          <Anchor component={Link} to={`/billing/bills/${bill.amendOf.id}`} size="sm">
            {bill.amendOf.number}
          </Anchor>
        </Fact>
      )}
      {bill.comments && <Fact label={t('bills.detail.comments')}>{bill.comments}</Fact>}
    </SimpleGrid>
  )
}

function Amendments({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  if (!bill.amendments.length) return null
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('bills.detail.amendments')}>
      <Title order={4} mb="sm">
        {t('bills.detail.amendments')}
      </Title>
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {bill.amendments.map((note) => (
            <Table.Tr key={note.id}>
              <Table.Td>
                <Anchor component={Link} to={`/billing/bills/${note.id}`} size="sm" fw={600}>
                  {note.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`bills.types.${note.type}`)}</Table.Td>
              <Table.Td>
                <Amount value={note.total} />
              </Table.Td>
              <Table.Td>
                <PaymentBadge bill={{ ...note, amendedBy: 0 }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function BillBody({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [crediting, setCrediting] = useState<BillLineView | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set())
  // Lines that left the bill (undone, moved) are no longer selected.
  const picked = bill.lines.filter((line) => selected.has(line.id)).map((line) => line.id)
  const handleToggle = (lineId: number) =>
    setSelected((before) => {
      const next = new Set(before)
      if (!next.delete(lineId)) next.add(lineId)
      return next
    })
  const amendable = !bill.isOpen && (bill.type === 'INVOICE' || bill.type === 'FEE')
  return (
    <Stack gap="lg">
      {bill.needsContact && !readOnly && <BillContactForm bill={bill} />}
      <Paper withBorder p="lg" component="section" aria-label={t('bills.detail.summary')}>
        <BillFacts bill={bill} />
      </Paper>
      <Paper withBorder p="lg" component="section" aria-label={t('bills.detail.lines')}>
        <Stack gap="md">
          <Title order={4}>{t('bills.detail.lines')}</Title>
          {amendable && !readOnly && (
            <Text size="sm" c="dimmed">
              {t('bills.credit.lineHint')}
            </Text>
          )}
          {picked.length > 0 && (
            <BillLineTools bill={bill} lineIds={picked} onDone={() => setSelected(new Set())} />
          )}
          <BillLinesTable
            bill={bill}
            onCredit={amendable && !readOnly ? setCrediting : undefined}
            selected={selected}
            onToggle={readOnly ? undefined : handleToggle}
          />
          <BillTotals bill={bill} />
        </Stack>
      </Paper>
      {bill.isOpen && !readOnly && <BillNotesForm key={bill.version} bill={bill} />}
      {!bill.isOpen && bill.type !== 'PROFORMA' && <BillPaymentsCard bill={bill} />}
      <Amendments bill={bill} />
      <BillPdfPreview bill={bill} />
      <BillCreditModal bill={bill} line={crediting} onClose={() => setCrediting(null)} />
    </Stack>
  )
}

export function BillPage() {
  const { t } = useTranslation()
  const id = Number(useParams().id)
  const query = useChannelQuery('bills:get', { id })
  if (query.isError) {
    return (
      <Page title={t('bills.title')}>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    )
  }
  if (!query.data) return <PageLoader />
  const bill = query.data

  return (
    <Page
      title={`${t(`bills.types.${bill.type}`)} ${bill.number}`}
      description={t('bills.detail.totalLine', { total: bill.total })}
      crumbs={[{ label: t('bills.title'), to: '/billing/bills' }]}
      badges={
        <>
          {/* An open bill asks for nothing yet: "Open" once is enough. */}
          {!bill.isOpen && <PaymentBadge bill={bill} />}
          {!bill.isOpen && <SentBadge bill={bill} />}
          <Badge variant="outline" color={bill.isOpen ? 'gray' : 'dark'}>
            {bill.isOpen ? t('bills.open') : t('bills.closed')}
          </Badge>
        </>
      }
      actions={<BillActions bill={bill} />}
      ready={query.isSuccess && !query.isFetching}
    >
      <BillBody bill={bill} />
    </Page>
  )
}
