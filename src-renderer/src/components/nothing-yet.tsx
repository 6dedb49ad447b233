import type { ReactNode } from 'react'
import { EmptyState } from '@mantine/core'

/** An empty list with no filter set: what would fill it, in one sentence. */
export function NothingYet(props: { icon: ReactNode; title: string; hint: string }) {
  return (
    <EmptyState py="xl" size="sm" icon={props.icon} title={props.title} description={props.hint} />
  )
}
