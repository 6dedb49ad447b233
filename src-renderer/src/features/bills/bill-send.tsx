import { useState } from 'react'
import { Badge, Button, List, Loader, PasswordInput, Stack, Text } from '@mantine/core'
import { IconSend } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BillMailPlan, BillSendResult } from '../../../../src-shared/contract/services/bills'
import type { BillDetail } from '../../../../src-shared/schemas/bills'
import { useChannelMutation, useChannelQuery } from '../../api/queries'
import { ConfirmModal } from '../../components/confirm-modal'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/** Whether a closed bill went out by mail (spec 7.4); an open one is never sent. */
export function SentBadge({ bill }: { bill: Pick<BillDetail, 'isSent'> }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={bill.isSent ? 'teal' : 'gray'}>
      {bill.isSent ? t('bills.sent') : t('bills.notSent')}
    </Badge>
  )
}

function SendPlan(props: {
  plan: BillMailPlan
  password: string
  onPassword: (v: string) => void
}) {
  const { plan } = props
  const { t } = useTranslation()
  if (!plan.recipients.length) {
    return <Text size="sm">{t('bills.send.noRecipients')}</Text>
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t('bills.send.explain', { server: plan.server })}</Text>
      <List size="sm" aria-label={t('bills.send.recipients')}>
        {plan.recipients.map((recipient) => (
          <List.Item key={recipient.email}>
            {recipient.name ? `${recipient.name} <${recipient.email}>` : recipient.email}
          </List.Item>
        ))}
      </List>
      {/* The password goes to the OS keychain only; the field is empty again on each visit. */}
      {plan.login && (
        <PasswordInput
          label={t('bills.send.password')}
          description={t('bills.send.passwordHint', { login: plan.login, server: plan.server })}
          value={props.password}
          onChange={(event) => props.onPassword(event.currentTarget.value)}
          autoComplete="off"
        />
      )}
    </Stack>
  )
}

/** "Send" (or "Resend") a closed bill: who gets it first, then how the mail server answered. */
export function SendBillButton({ bill }: { bill: BillDetail }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const [password, setPassword] = useState('')
  const plan = useChannelQuery('bills:recipients', { id: bill.id }, { enabled: opened })
  const keep = useChannelMutation('smtp:setPassword')
  const send = useChannelMutation('bills:setSent')
  const action = bill.isSent ? t('bills.send.resend') : t('bills.send.action')

  const handleClose = () => {
    setOpened(false)
    setPassword('')
  }
  const handleResult = (result: BillSendResult) => {
    handleClose()
    if (result.ok) {
      const recipients = result.accepted.join(', ')
      notifySuccess(t('bills.send.done', { number: bill.number, recipients }))
    } else notifyFailure(action, new Error(result.message))
  }
  const handleSend = () =>
    send.mutate(
      { id: bill.id },
      { onSuccess: handleResult, onError: (e) => notifyFailure(action, e) },
    )
  const handleConfirm = () => {
    if (!password) return handleSend()
    keep.mutate(
      { password },
      { onSuccess: handleSend, onError: (error) => notifyFailure(t('bills.send.password'), error) },
    )
  }

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconSend size={16} />}
        onClick={() => setOpened(true)}
      >
        {action}
      </Button>
      <ConfirmModal
        opened={opened}
        onClose={handleClose}
        onConfirm={handleConfirm}
        title={t('bills.send.title', { number: bill.number })}
        confirmLabel={action}
        color="blue"
        loading={keep.isPending || send.isPending}
        confirmDisabled={!plan.data?.recipients.length}
      >
        {plan.data ? (
          <SendPlan plan={plan.data} password={password} onPassword={setPassword} />
        ) : (
          <Loader size="sm" aria-label={t('bills.send.loading')} />
        )}
      </ConfirmModal>
    </>
  )
}
