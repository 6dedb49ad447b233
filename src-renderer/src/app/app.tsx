import { useState } from 'react'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router-dom'
import { ClientProvider } from '../api/client-context'
import type { Client } from '../api/client'
import { useDataChangedRefresh } from '../api/use-data-changed'
import { useDatabaseSwitchedReload } from '../api/use-database-switched'
import classes from './app.module.css'
import { createQueryClient } from './query-client'
import { createAppRouter } from './router'
import { colorSchemeManager, theme } from './theme'

function DataChangedRefresh() {
  useDataChangedRefresh()
  useDatabaseSwitchedReload()
  return null
}

export function App({ client }: { client: Client }) {
  const [queryClient] = useState(createQueryClient)
  // Created on mount, not on import, so it reads the address after the client took the token.
  const [router] = useState(createAppRouter)

  return (
    <ClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider
          theme={theme}
          colorSchemeManager={colorSchemeManager}
          defaultColorScheme="light"
        >
          <Notifications
            position="bottom-right"
            classNames={{ root: classes.notifications }}
            // Room for an export's file path and command, which are read and copied.
            notificationMaxHeight={320}
          />
          <DataChangedRefresh />
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>
    </ClientProvider>
  )
}
