import { useState } from 'react'
import { Alert, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../../src-shared/errors'
import { domainSetSoaSchema } from '../../../../src-shared/schemas/domain-bulk'
import type { DomainRow } from '../../../../src-shared/schemas/domains'
import { issueMessage, schemaErrors, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { toUnicodeName } from '../../lib/domain-unicode'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { SOA_FIELDS } from './domain-form-values'

type Timer = (typeof SOA_FIELDS)[number]
type Mode = 'keep' | 'set' | 'default'

const KEEP_ALL = Object.fromEntries(SOA_FIELDS.map((f) => [f, 'keep'])) as Record<Timer, Mode>
const EMPTY = Object.fromEntries(SOA_FIELDS.map((f) => [f, ''])) as Record<Timer, string>

interface TimerRowProps {
  field: Timer
  mode: Mode
  value: string
  error?: string
  onMode: (mode: Mode) => void
  onValue: (value: string) => void
}

function TimerRow({ field, mode, value, error, onMode, onValue }: TimerRowProps) {
  const { t } = useTranslation()
  const label = t(`domainForm.${field}`)
  const modes = (['keep', 'set', 'default'] as const).map((m) => ({
    value: m,
    label: t(`domains.soa.${m}`),
  }))
  return (
    <Group role="group" aria-label={label} align="flex-start" gap="sm" wrap="nowrap">
      <Text size="sm" fw={600} w={110} pt={6}>
        {label}
      </Text>
      <SegmentedControl
        size="xs"
        data={modes}
        value={mode}
        onChange={(next) => onMode(next as Mode)}
        aria-label={t('domains.soa.modeOf', { field: label })}
        mt={2}
      />
      <TextInput
        aria-label={t('domains.soa.valueOf', { field: label })}
        placeholder={t('domainForm.ttlPlaceholder')}
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
        disabled={mode !== 'set'}
        error={mode === 'set' ? error : undefined}
        w={180}
      />
    </Group>
  )
}

interface DomainsSoaModalProps {
  rows: DomainRow[]
  opened: boolean
  onClose: () => void
  onDone: () => void
}

/** Bulk "set SOA" (spec 1.8): each timer of the selected top domains kept, set or reset. */
export function DomainsSoaModal({ rows, opened, onClose, onDone }: DomainsSoaModalProps) {
  const { t } = useTranslation()
  const [modes, setModes] = useState(KEEP_ALL)
  const [values, setValues] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [refused, setRefused] = useState<FieldIssue[]>([])
  const setSoa = useChannelMutation('domains:setSoa')
  const subdomains = rows.filter((row) => row.topId !== null)

  const request = () => ({
    ids: rows.map((row) => row.id),
    ...Object.fromEntries(
      SOA_FIELDS.flatMap((f) => {
        if (modes[f] === 'keep') return []
        return [[f, modes[f] === 'set' ? values[f] : '']]
      }),
    ),
  })

  const handleClose = () => {
    setModes(KEEP_ALL)
    setValues(EMPTY)
    setErrors({})
    setRefused([])
    onClose()
  }

  const handleConfirm = () => {
    const found = schemaErrors(domainSetSoaSchema, request())
    setErrors(found)
    setRefused([])
    if (Object.keys(found).length) return
    setSoa.mutate(domainSetSoaSchema.parse(request()), {
      onSuccess: ({ changed }) => {
        notifySuccess(t('domains.soa.done', { count: changed }))
        handleClose()
        onDone()
      },
      onError: (error) => {
        const issues = validationIssues(error)
        if (!issues.length) return notifyFailure(t('domains.soa.title'), error)
        setErrors(Object.fromEntries(issues.map((issue) => [issue.field, issueMessage(issue)])))
        setRefused(issues.filter((issue) => !SOA_FIELDS.includes(issue.field as Timer)))
      },
    })
  }

  return (
    <ConfirmModal
      opened={opened}
      onClose={handleClose}
      onConfirm={handleConfirm}
      loading={setSoa.isPending}
      confirmDisabled={subdomains.length > 0}
      color="blue"
      title={t('domains.soa.title')}
      confirmLabel={t('domains.soa.confirm', { count: rows.length })}
    >
      <Stack gap="sm">
        <Text size="sm">{t('domains.soa.intro', { count: rows.length })}</Text>
        {subdomains.length > 0 && (
          <Alert color="orange" title={t('domains.soa.subdomainsTitle')}>
            {t('domains.soa.subdomains', {
              names: subdomains.map((row) => toUnicodeName(row.name)).join(', '),
            })}
          </Alert>
        )}
        {refused.map((issue) => (
          <Alert key={issue.field + issue.rule} color="red" role="alert">
            {issueMessage(issue)}
          </Alert>
        ))}
        {SOA_FIELDS.map((field) => (
          <TimerRow
            key={field}
            field={field}
            mode={modes[field]}
            value={values[field]}
            error={errors[field]}
            onMode={(mode) => setModes((m) => ({ ...m, [field]: mode }))}
            onValue={(value) => {
              setValues((v) => ({ ...v, [field]: value }))
              setErrors(({ [field]: _fixed, ...rest }) => rest)
            }}
          />
        ))}
      </Stack>
    </ConfirmModal>
  )
}
