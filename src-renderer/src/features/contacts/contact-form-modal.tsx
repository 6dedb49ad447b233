import { Modal } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { contactDisplayName, type Contact } from '../../../../src-shared/schemas/contacts'
import { ContactForm } from './contact-form'

interface ContactFormModalProps {
  opened: boolean
  onClose: () => void
  accountId: number
  /** The contact to edit; a new one is added when absent. */
  contact?: Contact
}

/**
 * The modal unmounts its content when closed, so every opening starts a fresh form from the
 * contact as stored now.
 */
export function ContactFormModal({ opened, onClose, accountId, contact }: ContactFormModalProps) {
  const { t } = useTranslation()
  const title = contact
    ? t('contactForm.editTitle', { name: contactDisplayName(contact) })
    : t('contactForm.addTitle')

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      <ContactForm title={title} accountId={accountId} contact={contact} onDone={onClose} />
    </Modal>
  )
}
