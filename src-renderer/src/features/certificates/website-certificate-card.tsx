import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core'
import { IconAlertTriangle, IconCertificate, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { CertificateDetail } from '../../../../src-shared/schemas/certificates'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { QueryError } from '../../components/query-error'
import { useReadOnly } from '../../hooks/use-read-only'
import { formatDateTime } from '../../lib/dates'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { CertificateExpiry, CertificateStatusBadge } from './certificate-status'

function CertificateFacts({ certificate }: { certificate: CertificateDetail }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" fw={600} w={140}>
          {t('certificates.card.names')}
        </Text>
        <Text size="sm" ff="monospace">
          {certificate.names.join(' ')}
        </Text>
      </Group>
      <Group gap="xs">
        <Text size="sm" fw={600} w={140}>
          {t('certificates.card.expires')}
        </Text>
        <CertificateExpiry row={certificate} />
      </Group>
      {certificate.notBefore && (
        <Group gap="xs">
          <Text size="sm" fw={600} w={140}>
            {t('certificates.card.issuedOn')}
          </Text>
          <Text size="sm">{formatDateTime(certificate.notBefore)}</Text>
        </Group>
      )}
      {certificate.lineage && (
        <Group gap="xs">
          <Text size="sm" fw={600} w={140}>
            {t('certificates.card.lineage')}
          </Text>
          <Code>{certificate.lineage}</Code>
        </Group>
      )}
    </Stack>
  )
}

/**
 * A website's certificate on its page: names, status, expiry, the last error, and the
 * buttons to issue or renew it. Issuing waits for the ACME server's answer, seconds to a
 * minute, so the button says what is going on meanwhile.
 */
export function WebsiteCertificateCard({
  websiteId,
  linkToCertificate = true,
}: {
  websiteId: number
  /** Off on the certificate's own page. */
  linkToCertificate?: boolean
}) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const query = useChannelQuery('certificates:forWebsite', { websiteId })
  const issue = useChannelMutation('certificates:issue')
  const renew = useChannelMutation('certificates:renew')
  const [extra, setExtra] = useState<string[]>([])

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  const data = query.data
  const certificate = data?.certificate ?? null
  const name = certificate?.names[0] ?? data?.names[0] ?? ''

  const onIssued = (result: CertificateDetail) => {
    if (result.status === 'issued') notifySuccess(t('certificates.card.issued', { name }))
    else notifyFailure(t('certificates.card.issue'), new Error(result.lastError))
  }
  const doIssue = () =>
    issue.mutate(
      { websiteId, ...(extra.length && data && { names: [...data.names, ...extra] }) },
      {
        onSuccess: onIssued,
        onError: (error) => notifyFailure(t('certificates.card.issue'), error),
      },
    )
  const doRenew = () =>
    certificate &&
    renew.mutate(
      { ids: [certificate.id] },
      {
        onSuccess: (report) =>
          report.renewed.length
            ? notifySuccess(t('certificates.card.renewed', { name }))
            : notifyFailure(
                t('certificates.card.renew'),
                new Error(report.failed[0]?.lastError ?? ''),
              ),
        onError: (error) => notifyFailure(t('certificates.card.renew'), error),
      },
    )
  const busy = issue.isPending || renew.isPending

  return (
    <Card withBorder padding="lg" aria-label={t('certificates.card.title')}>
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="xs">
            <IconCertificate size={20} />
            <Title order={3} size="h4">
              {t('certificates.card.title')}
            </Title>
            {certificate && <CertificateStatusBadge status={certificate.status} />}
          </Group>
          {certificate && linkToCertificate && (
            <Anchor component={Link} to={`/services/certificates/${certificate.id}`} size="sm">
              {t('certificates.card.open')}
            </Anchor>
          )}
        </Group>
        {data && !certificate && <Text size="sm">{t('certificates.card.none')}</Text>}
        {certificate && <CertificateFacts certificate={certificate} />}
        {certificate?.lastError && (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} />}
            title={t('certificates.card.lastError')}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} ff="monospace">
              {certificate.lastError}
            </Text>
          </Alert>
        )}
        {data?.blocker && (
          <Alert color="yellow" title={t('certificates.card.blocked')}>
            {data.blocker}
          </Alert>
        )}
        {data && data.wildcards.length > 0 && !data.blocker && (
          <TagsInput
            label={t('certificates.card.extraNames')}
            description={t('certificates.card.extraNamesHelp', {
              wildcards: data.wildcards.join(', '),
            })}
            value={extra}
            onChange={setExtra}
            disabled={readOnly || busy}
          />
        )}
        <Group gap="sm">
          <Button
            leftSection={<IconCertificate size={16} />}
            onClick={doIssue}
            loading={issue.isPending}
            disabled={readOnly || !data || Boolean(data.blocker) || renew.isPending}
          >
            {certificate ? t('certificates.card.reissue') : t('certificates.card.issue')}
          </Button>
          {certificate?.lineage && (
            <Button
              variant="light"
              leftSection={<IconRefresh size={16} />}
              onClick={doRenew}
              loading={renew.isPending}
              disabled={readOnly || issue.isPending}
            >
              {t('certificates.card.renew')}
            </Button>
          )}
          {busy && (
            <Text size="sm" c="dimmed">
              {t('certificates.card.issuing')}
            </Text>
          )}
        </Group>
        {certificate?.lineage && (
          <Text size="xs" c="dimmed">
            {t('certificates.card.actionsHint')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
