import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { createQueryClient } from './query-client'
import { createAppRouter } from './router'
import { followSystemTheme } from '../lib/theme'
import { onSignOut } from '../features/connection'
import { clearIssueStoreOnSignOut, openIssueDatabase } from '../store'
import '../styles.css'

// The issue store's database opens while the router and the first view's code load.
openIssueDatabase()
followSystemTheme()

const queryClient = createQueryClient()
const router = createAppRouter(queryClient)
// Signing out forgets the connection's issues on disk too.
clearIssueStoreOnSignOut(onSignOut, queryClient)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
