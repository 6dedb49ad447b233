import { Skeleton, Stack } from '@mantine/core'

/** Placeholder rows while the first page loads, so the layout does not jump. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Stack gap="sm" p="md" aria-hidden>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={28} />
      ))}
    </Stack>
  )
}
