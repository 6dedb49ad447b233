import type { ReactNode } from 'react'
import { ActionBar, Button, Text, type MantineColor } from '@mantine/core'
import { IconCircleCheck, IconCircleOff, IconTrash } from '@tabler/icons-react'
import { useReadOnly } from '../hooks/use-read-only'

interface BulkActionBarProps {
  /** How many rows are picked; the bar shows while there are any. */
  count: number
  /** The bar's accessible name. */
  label: string
  /** The number picked, in words ("3 selected"). */
  selected: string
  clearLabel: string
  /** Unpicks every row, which hides the bar. */
  onClear: () => void
  /** The actions on the picked rows. */
  children: ReactNode
}

/** The bar over a list while rows are picked: how many, what to do with them, and Clear. */
export function BulkActionBar({
  count,
  label,
  selected,
  clearLabel,
  onClear,
  children,
}: BulkActionBarProps) {
  return (
    <ActionBar opened={count > 0} aria-label={label} shadow="lg">
      <Text size="sm" fw={600} px="xs">
        {selected}
      </Text>
      <ActionBar.Divider />
      {children}
      <ActionBar.Divider />
      <Button size="xs" variant="subtle" color="gray" onClick={onClear}>
        {clearLabel}
      </Button>
    </ActionBar>
  )
}

interface BulkButtonProps {
  icon: ReactNode
  color?: MantineColor
  onClick: () => void
  loading?: boolean
  children: ReactNode
}

/** An action of the bar that changes the picked objects, so it is off in read-only mode. */
export function BulkButton({ icon, color, onClick, loading, children }: BulkButtonProps) {
  const readOnly = useReadOnly()
  return (
    <Button
      size="xs"
      variant="light"
      color={color}
      leftSection={icon}
      onClick={onClick}
      loading={loading}
      disabled={readOnly}
    >
      {children}
    </Button>
  )
}

/** Delete for the picked rows; the click should ask first. */
export function BulkDeleteButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <BulkButton color="red" icon={<IconTrash size={14} />} onClick={onClick}>
      {children}
    </BulkButton>
  )
}

interface BulkActiveButtonsProps {
  enableLabel: string
  disableLabel: string
  /** Called with the state to give the picked rows. */
  onSetActive: (active: boolean) => void
  loading?: boolean
}

/** Enable and Disable for the picked rows, in that order. */
export function BulkActiveButtons(props: BulkActiveButtonsProps) {
  const { enableLabel, disableLabel, onSetActive, loading } = props
  return (
    <>
      <BulkButton
        icon={<IconCircleCheck size={14} />}
        onClick={() => onSetActive(true)}
        loading={loading}
      >
        {enableLabel}
      </BulkButton>
      <BulkButton
        color="orange"
        icon={<IconCircleOff size={14} />}
        onClick={() => onSetActive(false)}
        loading={loading}
      >
        {disableLabel}
      </BulkButton>
    </>
  )
}
