import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import './i18n/index.js';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/queries.js';
import { Providers } from './app/providers.js';
import { createAppRouter } from './app/router.js';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// The code of the screen being opened is fetched while the session and the workspace are
// checked: the router would only ask for it once both had answered (about 300 ms later on a
// first visit). A failure here is not one: the router loads the chunk again when it needs it.
const [openingRoutes] = router.getMatchedRoutes(window.location.pathname);
for (const route of openingRoutes) router.loadRouteChunk(route)?.catch(() => {});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
