import { useState } from 'react'
import { Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { notifyFailure, notifySuccess } from '../../lib/notify'

/**
 * The mail server's password beside the SMTP settings. It goes to the OS keychain only, so
 * the field never shows the one kept and is emptied once saved.
 */
export function SmtpPasswordField() {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const keep = useChannelMutation('smtp:setPassword')

  const handleSave = () => {
    setError(null)
    keep.mutate(
      { password },
      {
        onSuccess: () => {
          setPassword('')
          notifySuccess(t('bills.smtpPassword.kept'))
        },
        onError: (failure) => {
          // The one refusal a user can fix here: no login to keep the password for.
          if (validationIssues(failure).length) setError(t('bills.smtpPassword.needsLogin'))
          else notifyFailure(t('bills.send.password'), failure)
        },
      },
    )
  }

  return (
    <Stack gap={6}>
      <PasswordInput
        label={t('bills.send.password')}
        description={t('bills.smtpPassword.help')}
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={error}
        autoComplete="off"
      />
      <Group justify="flex-end">
        <Button size="xs" onClick={handleSave} disabled={!password} loading={keep.isPending}>
          {t('bills.smtpPassword.save')}
        </Button>
      </Group>
    </Stack>
  )
}
