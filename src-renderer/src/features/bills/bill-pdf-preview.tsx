import { useEffect, useMemo, useRef } from 'react'
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconDeviceFloppy, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BillDetail } from '../../../../src-shared/schemas/bills'
import { useChannelQuery } from '../../api/queries'
import { QueryError } from '../../components/query-error'
import { pdfBlobUrl, savePdf } from './bill-download'

/**
 * The printed bill, rendered by main and shown from a blob URL: the page's own viewer prints
 * it, so what goes to the printer is the PDF itself, not a screenshot of the page.
 */
export function BillPdfPreview({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const query = useChannelQuery('bills:pdf', { id: bill.id })
  const frame = useRef<HTMLIFrameElement>(null)
  // A new document (the bill closed, a line changed) gets a new URL; the old one is freed.
  const url = useMemo(() => (query.data ? pdfBlobUrl(query.data) : null), [query.data])
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url])

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('bills.pdf.title')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>{t('bills.pdf.title')}</Title>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              disabled={!url}
              onClick={() => frame.current?.contentWindow?.print()}
            >
              {t('bills.pdf.print')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              disabled={!query.data}
              onClick={() => query.data && savePdf(query.data)}
            >
              {t('bills.pdf.save')}
            </Button>
          </Group>
        </Group>
        {bill.isOpen && (
          <Text size="sm" c="dimmed">
            {t('bills.pdf.draftNote')}
          </Text>
        )}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {url && (
          <iframe
            ref={frame}
            src={url}
            title={t('bills.pdf.frameTitle', { number: bill.number })}
            data-pdf-ready="true"
            style={{ width: '100%', height: 820, border: 0 }}
          />
        )}
      </Stack>
    </Paper>
  )
}
