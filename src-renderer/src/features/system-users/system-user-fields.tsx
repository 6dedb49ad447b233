import { MultiSelect, PasswordInput, SegmentedControl, Select, Stack, Switch } from '@mantine/core'
import { Input, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { SystemUserRole } from '../../../../src-shared/schemas/system-users'
import { useChannelQuery } from '../../api/queries'
import type { SystemUserValues } from './system-user-values'

interface FieldsProps {
  form: UseFormReturnType<SystemUserValues>
  role: SystemUserRole
  userId?: number
  shells: string[]
  hasShell: boolean
  baseHome: string
  mainHome: string
  isNew: boolean
}

/** The users of the same account whose groups this one may join. */
function GroupsSelect({ form, userId }: Pick<FieldsProps, 'form' | 'userId'>) {
  const { t } = useTranslation()
  const accountId = Number(form.getValues().accountId) || 0
  const query = useChannelQuery(
    'systemUsers:list',
    { accountId, pageSize: 200 },
    { enabled: accountId > 0 },
  )
  const options = (query.data?.rows ?? [])
    .filter((row) => row.id !== userId)
    .map((row) => ({ value: String(row.id), label: row.username }))
  return (
    <MultiSelect
      label={t('systemUsers.form.groups')}
      description={t('systemUsers.form.groupsHint')}
      data={options}
      searchable
      {...form.getInputProps('groups')}
    />
  )
}

/** Own home or the main user's, and a folder in it: only for users without a shell. */
function HomeFields(props: FieldsProps) {
  const { form, hasShell, baseHome, mainHome } = props
  const { t } = useTranslation()
  if (hasShell) {
    return (
      <Input.Wrapper
        label={t('systemUsers.form.home')}
        description={t('systemUsers.form.shellHome')}
      >
        <div>{baseHome}</div>
      </Input.Wrapper>
    )
  }
  const inMain = form.getValues().homeChoice === 'main'
  return (
    <>
      <Input.Wrapper label={t('systemUsers.form.home')} error={form.errors.home}>
        <SegmentedControl
          fullWidth
          data={[
            { value: 'own', label: t('systemUsers.form.ownHome', { home: baseHome }) },
            { value: 'main', label: t('systemUsers.form.mainHome', { home: mainHome }) },
          ]}
          {...form.getInputProps('homeChoice')}
        />
      </Input.Wrapper>
      {inMain && (
        <TextInput
          label={t('systemUsers.form.directory')}
          description={t('systemUsers.form.directoryHint', { home: mainHome })}
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('directory')}
        />
      )}
    </>
  )
}

export function SystemUserFields(props: FieldsProps) {
  const { form, role, shells, isNew } = props
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      {role !== 'cgi' && (
        <Select
          label={t('systemUsers.form.shell')}
          description={t('systemUsers.form.shellHint')}
          data={shells}
          allowDeselect={false}
          {...form.getInputProps('shell')}
        />
      )}
      {role === 'extra' && <HomeFields {...props} />}
      {role !== 'cgi' && (
        <PasswordInput
          label={isNew ? t('systemUsers.form.password') : t('systemUsers.form.newPassword')}
          description={
            isNew ? t('systemUsers.form.passwordHintNew') : t('systemUsers.form.passwordHint')
          }
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
      )}
      {role === 'extra' && <GroupsSelect form={form} userId={props.userId} />}
      <Switch
        label={t('systemUsers.form.isActive')}
        description={t('systemUsers.form.isActiveHint')}
        {...form.getInputProps('isActive', { type: 'checkbox' })}
      />
    </Stack>
  )
}
