import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useChannelMutation } from '../../api/queries'
import { DeleteButton } from '../../components/delete-button'
import { notifyFailure, notifySuccess } from '../../lib/notify'

interface DeleteObjectProps {
  channel: 'vps:delete' | 'miscellaneous:delete' | 'miscServices:delete'
  section: 'vps' | 'misc' | 'miscServices'
  id: number
  name: string
  /** Where to go once it is gone. */
  listPath: string
}

/** Deletes one object of this area after asking; the core's refusal comes back as a notice. */
export function DeleteObjectButton({ channel, section, id, name, listPath }: DeleteObjectProps) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const remove = useChannelMutation(channel)
  const confirm = t(`otherServices.${section}.delete.confirm`)

  const handleConfirm = (close: () => void) =>
    remove.mutate(
      { ids: [id] },
      {
        onSuccess: () => {
          close()
          notifySuccess(t(`otherServices.${section}.delete.done`, { name }))
          navigate(listPath)
        },
        onError: (error) => {
          close()
          notifyFailure(confirm, error)
        },
      },
    )

  return (
    <DeleteButton
      title={t(`otherServices.${section}.delete.title`, { name })}
      confirmLabel={confirm}
      loading={remove.isPending}
      onConfirm={handleConfirm}
    >
      <Text size="sm">{t(`otherServices.${section}.delete.intro`)}</Text>
    </DeleteButton>
  )
}
