import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CertificateRow, CertificateStatus } from '../../../../src-shared/schemas/certificates'
import { formatDay } from '../../lib/dates'

const COLORS: Record<CertificateStatus, string> = {
  pending: 'blue',
  renewing: 'blue',
  issued: 'teal',
  failed: 'red',
}

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`certificates.status.${status}`)}
    </Badge>
  )
}

/** The end date with what is left of it; due and expired ones stand out. */
export function CertificateExpiry({
  row,
}: {
  row: Pick<CertificateRow, 'notAfter' | 'daysLeft' | 'due' | 'expired'>
}) {
  const { t } = useTranslation()
  if (!row.notAfter || row.daysLeft === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('certificates.notIssued')}
      </Text>
    )
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <Text component="time" dateTime={row.notAfter} size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDay(row.notAfter)}
      </Text>
      {row.expired ? (
        <Badge color="red">{t('certificates.expired')}</Badge>
      ) : (
        row.due && <Badge color="orange">{t('certificates.due')}</Badge>
      )}
    </Group>
  )
}
