import type { ReactNode } from 'react'
import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router-dom'

export interface Crumb {
  label: string
  to: string
}

interface PageProps {
  title: ReactNode
  description?: ReactNode
  /** Buttons on the right of the title. */
  actions?: ReactNode
  /** The way back up, e.g. Accounts for an account page. */
  crumbs?: Crumb[]
  /** Status shown beside the title. */
  badges?: ReactNode
  /** Set when the page's data has loaded and settled; end-to-end tests wait on it. */
  ready?: boolean
  children: ReactNode
}

function PageCrumbs({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <Breadcrumbs separatorMargin={6}>
      {crumbs.map((crumb) => (
        <Anchor key={crumb.to} component={Link} to={crumb.to} size="sm">
          {crumb.label}
        </Anchor>
      ))}
    </Breadcrumbs>
  )
}

export function Page({
  title,
  description,
  actions,
  crumbs,
  badges,
  ready = true,
  children,
}: PageProps) {
  return (
    <Box maw={1240} mx="auto" data-ready={ready}>
      <Stack gap="lg">
        <Stack gap={4}>
          {crumbs && <PageCrumbs crumbs={crumbs} />}
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Group gap="sm">
                <Title order={2}>{title}</Title>
                {badges}
              </Group>
              {description && <Text c="dimmed">{description}</Text>}
            </Stack>
            {actions && <Group gap="sm">{actions}</Group>}
          </Group>
        </Stack>
        {children}
      </Stack>
    </Box>
  )
}
