import { useState } from 'react'
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SettingValue } from '../../../../src-shared/schemas/settings'
import { toFieldIssues } from '../../../../src-shared/validation'
import { issueMessage, validationIssues } from '../../api/errors'
import { useChannelMutation } from '../../api/queries'
import { translateOr } from '../../i18n/translate'
import { notifyFailure, notifySuccess } from '../../lib/notify'
import { settingError, settingOptions } from './setting-options'

function display(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

/** One setting: its current value, a check with the shared rule, save and reset. */
export function SettingRow({ setting }: { setting: SettingValue }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(display(setting.value))
  const [error, setError] = useState<string | null>(null)
  const update = useChannelMutation('settings:update')
  const options = settingOptions(setting.name)
  const label = translateOr(`settings.names.${setting.name}`, setting.name)
  const help = translateOr(`settings.help.${setting.name}`, setting.help)
  const dirty = draft !== display(setting.value)
  const shownDefault = display(setting.default)
  const defaultLabel =
    options?.find((option) => option.value === shownDefault)?.label ?? shownDefault

  // A change saved elsewhere (another window, the command line) shows up here.
  const [stored, setStored] = useState(setting.value)
  if (setting.value !== stored) {
    setStored(setting.value)
    setDraft(display(setting.value))
  }

  const save = (value: string | null) => {
    setError(null)
    update.mutate(
      { name: setting.name, value },
      {
        onSuccess: () => notifySuccess(t('settings.saved', { name: label })),
        onError: (failure) => {
          const issue = validationIssues(failure)[0]
          if (issue) setError(issueMessage(issue))
          else notifyFailure(t('settings.save'), failure)
        },
      },
    )
  }

  const handleSave = () => {
    const invalid = settingError(setting.name, draft)
    const issue = invalid && toFieldIssues(invalid)[0]
    if (issue) setError(issueMessage(issue))
    else save(draft)
  }

  const input = options ? (
    <Select
      label={label}
      description={help}
      data={options}
      value={draft}
      onChange={(value) => setDraft(value ?? '')}
      error={error}
      searchable
      allowDeselect={false}
    />
  ) : (
    <TextInput
      label={label}
      description={help}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      error={error}
    />
  )

  return (
    <Stack gap={6}>
      {input}
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('settings.default', { value: defaultLabel })}
        </Text>
        <Group gap="xs">
          {!setting.isDefault && (
            <Button size="xs" variant="subtle" color="gray" onClick={() => save(null)}>
              {t('settings.reset')}
            </Button>
          )}
          <Button size="xs" onClick={handleSave} disabled={!dirty} loading={update.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
