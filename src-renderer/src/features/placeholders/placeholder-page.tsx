import { Button, EmptyState } from '@mantine/core'
import { IconReceipt2, IconServer2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { Page } from '../../components/page'
import { NAV_SECTIONS } from '../../layout/nav-items'

interface PlaceholderPageProps {
  kind: 'services' | 'billing'
}

/** Areas that later modules fill in; the navigation already shows where they will live. */
export function PlaceholderPage({ kind }: PlaceholderPageProps) {
  const { t } = useTranslation()
  const { area } = useParams()
  const path = `/${kind}/${area ?? ''}`
  const item = NAV_SECTIONS.flatMap((section) => section.items).find((entry) => entry.to === path)
  const services = kind === 'services'

  return (
    <Page title={item ? t(item.label) : t(services ? 'nav.services' : 'nav.billing')}>
      <EmptyState
        py={48}
        icon={services ? <IconServer2 size={32} /> : <IconReceipt2 size={32} />}
        variant="light"
        title={services ? t('placeholder.servicesTitle') : t('placeholder.billingTitle')}
        description={services ? t('placeholder.servicesBody') : t('placeholder.billingBody')}
      >
        <EmptyState.Actions>
          <Button variant="default" component={Link} to="/accounts">
            {t('placeholder.browseAccounts')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Page>
  )
}
