import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { isStage, type Stage } from '../../domain/lifecycle.js';
import { isApiError } from '../api/client.js';
import { meQuery, setupQuery, workspaceQuery, workspacesQuery } from '../api/queries.js';
import { NotFoundPage, RouteError } from '../components/route-error.js';
import { RoutePending } from '../components/route-pending.js';
import { isArea } from '../routes/areas/areas.js';
import { toFilters, validateInsightsSearch } from '../routes/insights/search-params.js';
import { validatePrioritiseSearch } from '../routes/prioritisation/search-params.js';
import { validateStrategySearch } from '../routes/strategy/search-params.js';
import { AuthedRoot } from './authed-root.js';
import { isLocalPath } from './local-path.js';
import { lastWorkspace, rememberWorkspace } from './preferences.js';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

/** Signed in? Otherwise to set-up (first run) or to sign-in, coming back here after. */
async function requireUser(queryClient: QueryClient, href: string) {
  try {
    return await queryClient.ensureQueryData(meQuery);
  } catch (error) {
    if (!isApiError(error) || error.status !== 401) throw error;
    const setup = await queryClient.fetchQuery(setupQuery);
    if (setup.needed) throw redirect({ to: '/setup' });
    throw redirect({ to: '/login', search: href === '/' ? {} : { redirect: href } });
  }
}

async function isSignedIn(queryClient: QueryClient): Promise<boolean> {
  try {
    await queryClient.ensureQueryData(meQuery);
    return true;
  } catch {
    return false;
  }
}

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.fetchQuery(setupQuery);
    if (!setup.needed) throw redirect({ to: '/login' });
  },
  component: lazyRouteComponent(() => import('../routes/auth/setup-page.js'), 'SetupPage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    isLocalPath(search.redirect) ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    if (await isSignedIn(context.queryClient)) throw redirect({ href: search.redirect ?? '/' });
    const setup = await context.queryClient.fetchQuery(setupQuery);
    if (setup.needed) throw redirect({ to: '/setup' });
  },
  component: lazyRouteComponent(() => import('../routes/auth/login-page.js'), 'LoginPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invite/$token',
  component: lazyRouteComponent(() => import('../routes/auth/invite-page.js'), 'InvitePage'),
});

const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => ({ me: await requireUser(context.queryClient, location.href) }),
  component: AuthedRoot,
});

const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const workspaces = await context.queryClient.fetchQuery(workspacesQuery);
    const last = lastWorkspace();
    const target = workspaces.find((w) => w.slug === last) ?? workspaces[0];
    if (target) throw redirect({ to: '/w/$workspace/products', params: { workspace: target.slug } });
  },
  component: lazyRouteComponent(() => import('../routes/home/home-page.js'), 'HomePage'),
});

const shellRoute = createRoute({
  getParentRoute: () => authedRoute,
  id: 'shell',
  component: lazyRouteComponent(() => import('../components/shell/app-layout.js'), 'AppLayout'),
});

const workspaceRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'w/$workspace',
  beforeLoad: async ({ context, params }) => {
    const workspace = await context.queryClient.ensureQueryData(workspaceQuery(params.workspace));
    rememberWorkspace(workspace.slug);
    return { workspace };
  },
  component: Outlet,
});

const workspaceIndexRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/w/$workspace/products', params });
  },
});

export interface ProductsSearch {
  q?: string;
  stage?: Stage;
  archived?: 'true' | 'all';
  new?: boolean;
}

const productsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'products',
  validateSearch: (search: Record<string, unknown>): ProductsSearch => ({
    ...(typeof search.q === 'string' && search.q !== '' && { q: search.q }),
    ...(isStage(search.stage) && { stage: search.stage }),
    ...((search.archived === 'true' || search.archived === 'all') && { archived: search.archived }),
    ...((search.new === true || search.new === 'true' || search.new === 1) && { new: true }),
  }),
  component: lazyRouteComponent(() => import('../routes/products/products-page.js'), 'ProductsPage'),
});

const productRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'products/$productId',
  component: lazyRouteComponent(() => import('../routes/products/product/product-page.js'), 'ProductPage'),
});

const insightsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'insights',
  validateSearch: validateInsightsSearch,
  loaderDeps: ({ search }) => toFilters(search),
  // The first page is asked for while the page's code loads (not awaited: the page shows its own skeleton).
  loader: ({ context, params, deps }) => {
    void import('../api/discovery.js').then(({ insightsQuery }) =>
      context.queryClient.prefetchInfiniteQuery(insightsQuery(params.workspace, deps)),
    );
  },
  component: lazyRouteComponent(() => import('../routes/insights/insights-page.js'), 'InsightsPage'),
});

export interface ListSearch {
  q?: string;
  status?: string;
  segment?: string;
  /** Features: comma-separated owner user ids, or "none". */
  owner?: string;
  new?: boolean;
  import?: boolean;
}

const OWNER_LIST = /^(none|[0-9a-f-]{36})(,(none|[0-9a-f-]{36})){0,19}$/i;

const validateListSearch = (search: Record<string, unknown>): ListSearch => ({
  ...(typeof search.q === 'string' && search.q.trim() !== '' && { q: search.q.slice(0, 200) }),
  ...(typeof search.status === 'string' && /^[a-z_,]{1,200}$/.test(search.status) && { status: search.status }),
  ...(typeof search.segment === 'string' && search.segment !== '' && { segment: search.segment.slice(0, 80) }),
  ...(typeof search.owner === 'string' && OWNER_LIST.test(search.owner) && { owner: search.owner }),
  ...((search.new === true || search.new === 'true') && { new: true }),
  ...((search.import === true || search.import === 'true') && { import: true }),
});

const featuresRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'features',
  validateSearch: validateListSearch,
  component: lazyRouteComponent(() => import('../routes/features/features-page.js'), 'FeaturesPage'),
});

const featureRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'features/$featureId',
  component: lazyRouteComponent(() => import('../routes/features/feature-page.js'), 'FeaturePage'),
});

const prioritiseRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'prioritise',
  validateSearch: validatePrioritiseSearch,
  component: lazyRouteComponent(() => import('../routes/prioritisation/prioritisation-page.js'), 'PrioritisationPage'),
});

const customersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'customers',
  validateSearch: validateListSearch,
  component: lazyRouteComponent(() => import('../routes/customers/customers-page.js'), 'CustomersPage'),
});

const customerRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'customers/$customerId',
  component: lazyRouteComponent(() => import('../routes/customers/customer-page.js'), 'CustomerPage'),
});

const searchRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'search',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' && search.q.trim() !== '' ? { q: search.q.slice(0, 200) } : {},
  component: lazyRouteComponent(() => import('../routes/search/search-page.js'), 'SearchPage'),
});

const activityRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'activity',
  component: lazyRouteComponent(() => import('../routes/activity/activity-page.js'), 'ActivityPage'),
});

const membersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'members',
  component: lazyRouteComponent(() => import('../routes/members/members-page.js'), 'MembersPage'),
});

const workspaceSettingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('../routes/settings/workspace-settings-page.js'), 'WorkspaceSettingsPage'),
});

const scoringSettingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'settings/scoring',
  component: lazyRouteComponent(() => import('../routes/settings/scoring-settings-page.js'), 'ScoringSettingsPage'),
});

const strategyRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'strategy',
  validateSearch: validateStrategySearch,
  component: lazyRouteComponent(() => import('../routes/strategy/strategy-page.js'), 'StrategyPage'),
});

const objectiveRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'strategy/$objectiveId',
  component: lazyRouteComponent(() => import('../routes/strategy/objective-page.js'), 'ObjectivePage'),
});

const areaRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '$area',
  beforeLoad: ({ params }) => {
    if (!isArea(params.area)) throw notFound();
  },
  component: lazyRouteComponent(() => import('../routes/areas/area-page.js'), 'AreaPage'),
});

const tokensRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'settings/tokens',
  component: lazyRouteComponent(() => import('../routes/settings/tokens-page.js'), 'TokensPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'settings/profile',
  component: lazyRouteComponent(() => import('../routes/settings/profile-page.js'), 'ProfilePage'),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  inviteRoute,
  authedRoute.addChildren([
    homeRoute,
    shellRoute.addChildren([
      workspaceRoute.addChildren([
        workspaceIndexRoute,
        productsRoute,
        productRoute,
        insightsRoute,
        featuresRoute,
        featureRoute,
        prioritiseRoute,
        customersRoute,
        customerRoute,
        searchRoute,
        activityRoute,
        membersRoute,
        workspaceSettingsRoute,
        scoringSettingsRoute,
        strategyRoute,
        objectiveRoute,
        areaRoute,
      ]),
      tokensRoute,
      profileRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data comes from TanStack Query; the router only decides where to go.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: RoutePending,
    defaultPendingMs: 150,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
