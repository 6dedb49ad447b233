import type { ReactNode } from 'react'
import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CancelPolicy } from '../../../../src-shared/schemas/billing-services'
import { CANCEL_POLICIES } from '../../../../src-shared/schemas/service-settings'
import { HELP_EXAMPLES } from './service-help-examples'

type BillingKind = 'periodic' | 'oneTime' | 'any'

/** The rows of the pricing-mode table (spec billing 6.6), in its order; the words are i18n's. */
const MODES = [
  { mode: 'concurrent', metric: false, billing: 'periodic' },
  { mode: 'renewals', metric: false, billing: 'periodic' },
  { mode: 'oneTimeEvents', metric: false, billing: 'oneTime' },
  { mode: 'nominal', metric: false, billing: 'any' },
  { mode: 'valueChanges', metric: true, billing: 'periodic' },
  { mode: 'perPeriod', metric: true, billing: 'periodic' },
  { mode: 'prepaidPack', metric: true, billing: 'periodic' },
  { mode: 'lastValue', metric: true, billing: 'oneTime' },
  { mode: 'unsupported', metric: true, billing: 'oneTime' },
] as const satisfies readonly { mode: string; metric: boolean; billing: BillingKind }[]

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Title order={5}>{title}</Title>
      {children}
    </Stack>
  )
}

const HIGHLIGHT = 'var(--mantine-primary-color-light)'

function PolicyRow({ policy, chosen }: { policy: CancelPolicy; chosen: boolean }) {
  const { t } = useTranslation()
  const key = `billing.serviceHelp.policies.${policy}` as const
  return (
    <Table.Tr aria-current={chosen || undefined} bg={chosen ? HIGHLIGHT : undefined}>
      <Table.Th scope="row">{t(`${key}.label`)}</Table.Th>
      <Table.Td>{t(`${key}.effect`)}</Table.Td>
      <Table.Td>{t(`${key}.outcome`)}</Table.Td>
    </Table.Tr>
  )
}

/** What each cancellation policy does, with one mailbox's figures under each. */
function CancelPolicies({ chosen }: { chosen?: CancelPolicy }) {
  const { t } = useTranslation()
  return (
    <Section title={t('billing.serviceHelp.cancelTitle')}>
      <Text size="sm">{t('billing.serviceHelp.cancelIntro')}</Text>
      <Text size="sm" fw={500}>
        {t('billing.serviceHelp.exampleTitle')}
      </Text>
      <Text size="sm">{t('billing.serviceHelp.example')}</Text>
      <Table withTableBorder verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.serviceHelp.policy')}</Table.Th>
            <Table.Th>{t('billing.serviceHelp.effect')}</Table.Th>
            <Table.Th>{t('billing.serviceHelp.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CANCEL_POLICIES.map((policy) => (
            <PolicyRow key={policy} policy={policy} chosen={policy === chosen} />
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  )
}

function ModeRow({ row }: { row: (typeof MODES)[number] }) {
  const { t } = useTranslation()
  const key = `billing.serviceHelp.modes.${row.mode}` as const
  return (
    <Table.Tr>
      <Table.Td>{t(row.metric ? 'billing.serviceHelp.yes' : 'billing.serviceHelp.no')}</Table.Td>
      <Table.Td>{t(`billing.serviceHelp.${row.billing}`)}</Table.Td>
      <Table.Td>{t(`${key}.pricing`)}</Table.Td>
      <Table.Td>{t(`${key}.how`)}</Table.Td>
      <Table.Td>{t(`${key}.typical`)}</Table.Td>
    </Table.Tr>
  )
}

/** The decision table of spec billing 6.6, in plain words. */
function PricingModes() {
  const { t } = useTranslation()
  return (
    <Section title={t('billing.serviceHelp.modesTitle')}>
      <Text size="sm">{t('billing.serviceHelp.modesIntro')}</Text>
      <Table withTableBorder verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.serviceHelp.metric')}</Table.Th>
            <Table.Th>{t('billing.serviceHelp.billingPeriod')}</Table.Th>
            <Table.Th>{t('billing.serviceHelp.pricingPeriod')}</Table.Th>
            <Table.Th>{t('billing.serviceHelp.pricing')}</Table.Th>
            <Table.Th>{t('billing.serviceHelp.typical')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MODES.map((row) => (
            <ModeRow key={row.mode} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  )
}

function Expressions() {
  const { t } = useTranslation()
  return (
    <Section title={t('billing.serviceHelp.expressionsTitle')}>
      <Text size="sm">{t('billing.serviceHelp.expressionsIntro')}</Text>
      <Table withTableBorder verticalSpacing={6} fz="sm">
        <Table.Tbody>
          {HELP_EXAMPLES.map(({ key, code }) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Code>{code}</Code>
              </Table.Td>
              <Table.Td>{t(`billing.serviceHelp.expressions.${key}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  )
}

/**
 * The service form's help: what the cancellation policies do to prepaid time, worked through
 * one mailbox, which pricing mode the metric and periods choose, and how the expressions read.
 * The policy the form has chosen is marked.
 */
export function ServiceHelp({ onCancel }: { onCancel?: CancelPolicy }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="lg" component="aside" aria-label={t('billing.serviceHelp.title')}>
      <Stack gap="lg">
        <Title order={4}>{t('billing.serviceHelp.title')}</Title>
        <CancelPolicies chosen={onCancel} />
        <PricingModes />
        <Expressions />
      </Stack>
    </Paper>
  )
}
