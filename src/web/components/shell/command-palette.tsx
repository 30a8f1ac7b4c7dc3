import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import {
  IconActivity,
  IconBox,
  IconBuildingStore,
  IconBulb,
  IconFileImport,
  IconKey,
  IconKeyboard,
  IconLanguage,
  IconMoon,
  IconPlus,
  IconSearch,
  IconSettings,
  IconSortDescendingNumbers,
  IconSparkles,
  IconSun,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../domain/roles.js';
import { searchQuery } from '../../api/discovery.js';
import { productsQuery, type WorkspaceDto, workspacesQuery } from '../../api/queries.js';
import { useLanguageSwitch, useThemeToggle } from '../../app/use-session.js';
import { AREA_ICONS, AREAS, STRATEGY_ICON } from '../../routes/areas/areas.js';
import { hitLink } from '../../routes/search/search-links.js';
import { WorkspaceAvatar } from '../workspace/workspace-avatar.js';

const icon = { size: 18, stroke: 1.7, 'aria-hidden': true } as const;
const HIT_ICONS = { insight: IconBulb, feature: IconSparkles, customer: IconBuildingStore, product: IconBox } as const;
const HIT_LABELS = {
  insight: 'palette.hitInsight',
  feature: 'palette.hitFeature',
  customer: 'palette.hitCustomer',
  product: 'palette.hitProduct',
} as const;
const FOUND = 'found';

/** Commands match by their words; what the workspace search found is kept as the server ranked it. */
type Actions = (SpotlightActionData | SpotlightActionGroupData)[];
const filterActions = (raw: string, data: Actions): Actions => {
  const query = raw.trim().toLowerCase();
  const matches = (a: SpotlightActionData) =>
    !query ||
    a.label?.toLowerCase().includes(query) ||
    a.description?.toLowerCase().includes(query) ||
    (Array.isArray(a.keywords) ? a.keywords.join(',') : (a.keywords ?? '')).toLowerCase().includes(query);
  const out: Actions = [];
  let found: SpotlightActionGroupData | undefined;
  for (const item of data) {
    if ('actions' in item) {
      if ((item as SpotlightActionGroupData & { id?: string }).id === FOUND) found = item;
      else {
        const actions = item.actions.filter(matches);
        if (actions.length) out.push({ ...item, actions });
      }
    } else if (matches(item)) out.push(item);
  }
  if (found && query) out.push(found);
  return out;
};

/** Ctrl/⌘-K: go anywhere, switch workspace, create, change preferences — from the keyboard. */
export function CommandPalette({
  workspace,
  onShortcuts,
  onCreateWorkspace,
}: {
  workspace: WorkspaceDto | null;
  onShortcuts: () => void;
  onCreateWorkspace: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = useLanguageSwitch();
  const theme = useThemeToggle();
  const { data: workspaces = [] } = useQuery(workspacesQuery);
  const ws = workspace?.slug ?? '';
  const products = useInfiniteQuery({ ...productsQuery(ws, { archived: 'false' }), enabled: ws !== '' });
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const found = useQuery({ ...searchQuery(ws, debounced, undefined, 12), enabled: ws !== '' && debounced.length >= 2 });
  const hits = debounced.length >= 2 ? (found.data ?? []) : [];

  const groups: SpotlightActionGroupData[] = [];
  if (workspace) {
    const actions: SpotlightActionGroupData['actions'] = [];
    if (can(workspace.role, 'product.write')) {
      actions.push({
        id: 'new-product',
        label: t('palette.newProduct'),
        leftSection: <IconPlus {...icon} />,
        onClick: () => void navigate({ to: '/w/$workspace/products', params: { workspace: ws }, search: { new: true } }),
      });
    }
    if (can(workspace.role, 'insight.write')) {
      actions.push({
        id: 'new-insight',
        label: t('palette.newInsight'),
        leftSection: <IconBulb {...icon} />,
        keywords: ['feedback', 'retour', 'insight'],
        onClick: () => void navigate({ to: '/w/$workspace/insights', params: { workspace: ws }, search: { new: true } }),
      });
    }
    if (can(workspace.role, 'import.run')) {
      actions.push({
        id: 'import-csv',
        label: t('palette.importCsv'),
        leftSection: <IconFileImport {...icon} />,
        keywords: ['csv', 'import', 'importer'],
        onClick: () => void navigate({ to: '/w/$workspace/insights', params: { workspace: ws }, search: { import: true } }),
      });
    }
    if (can(workspace.role, 'feature.write')) {
      actions.push({
        id: 'new-feature',
        label: t('palette.newFeature'),
        leftSection: <IconSparkles {...icon} />,
        keywords: ['feature', 'idea', 'fonctionnalité', 'idée'],
        onClick: () => void navigate({ to: '/w/$workspace/features', params: { workspace: ws }, search: { new: true } }),
      });
    }
    if (can(workspace.role, 'strategy.write')) {
      actions.push({
        id: 'new-objective',
        label: t('palette.newObjective'),
        leftSection: <STRATEGY_ICON {...icon} />,
        keywords: ['objective', 'okr', 'goal', 'objectif', 'but'],
        onClick: () => void navigate({ to: '/w/$workspace/strategy', params: { workspace: ws }, search: { new: true } }),
      });
    }
    if (can(workspace.role, 'members.manage')) {
      actions.push({
        id: 'invite',
        label: t('palette.inviteMember'),
        leftSection: <IconUsers {...icon} />,
        onClick: () => void navigate({ to: '/w/$workspace/members', params: { workspace: ws } }),
      });
    }
    actions.push({
      id: 'new-workspace',
      label: t('workspace.createTitle'),
      leftSection: <IconPlus {...icon} />,
      onClick: onCreateWorkspace,
    });
    groups.push({ group: t('palette.create'), actions });
    groups.push({
      group: t('palette.goTo'),
      actions: [
        {
          id: 'go-products',
          label: t('nav.products'),
          leftSection: <IconBox {...icon} />,
          keywords: ['products', 'produits'],
          onClick: () => void navigate({ to: '/w/$workspace/products', params: { workspace: ws } }),
        },
        {
          id: 'go-insights',
          label: t('nav.insights'),
          leftSection: <IconBulb {...icon} />,
          keywords: ['inbox', 'feedback', 'retours'],
          onClick: () => void navigate({ to: '/w/$workspace/insights', params: { workspace: ws } }),
        },
        {
          id: 'go-features',
          label: t('nav.features'),
          leftSection: <IconSparkles {...icon} />,
          keywords: ['features', 'ideas', 'fonctionnalités', 'idées'],
          onClick: () => void navigate({ to: '/w/$workspace/features', params: { workspace: ws } }),
        },
        {
          id: 'go-prioritise',
          label: t('nav.prioritise'),
          leftSection: <IconSortDescendingNumbers {...icon} />,
          keywords: ['prioritise', 'prioritize', 'rank', 'rice', 'ice', 'wsjf', 'moscow', 'kano', 'score', 'prioriser', 'classement'],
          onClick: () => void navigate({ to: '/w/$workspace/prioritise', params: { workspace: ws } }),
        },
        {
          id: 'go-scoring',
          label: t('nav.scoringRules'),
          leftSection: <IconSettings {...icon} />,
          keywords: ['scoring', 'formula', 'ice', 'moscow', 'notation', 'formule'],
          onClick: () => void navigate({ to: '/w/$workspace/settings/scoring', params: { workspace: ws } }),
        },
        {
          id: 'go-customers',
          label: t('nav.customers'),
          leftSection: <IconBuildingStore {...icon} />,
          keywords: ['customers', 'accounts', 'clients', 'comptes'],
          onClick: () => void navigate({ to: '/w/$workspace/customers', params: { workspace: ws } }),
        },
        {
          id: 'go-strategy',
          label: t('areas.strategy.title'),
          leftSection: <STRATEGY_ICON {...icon} />,
          keywords: ['strategy', 'okr', 'objectives', 'goals', 'stratégie', 'objectifs'],
          onClick: () => void navigate({ to: '/w/$workspace/strategy', params: { workspace: ws } }),
        },
        ...AREAS.map((area) => {
          const Icon = AREA_ICONS[area];
          return {
            id: `go-${area}`,
            label: t(`areas.${area}.title`),
            description: t('nav.soon'),
            leftSection: <Icon {...icon} />,
            onClick: () => void navigate({ to: '/w/$workspace/$area', params: { workspace: ws, area } }),
          };
        }),
        {
          id: 'go-activity',
          label: t('nav.activity'),
          leftSection: <IconActivity {...icon} />,
          onClick: () => void navigate({ to: '/w/$workspace/activity', params: { workspace: ws } }),
        },
        {
          id: 'go-members',
          label: t('nav.members'),
          leftSection: <IconUsers {...icon} />,
          onClick: () => void navigate({ to: '/w/$workspace/members', params: { workspace: ws } }),
        },
        {
          id: 'go-settings',
          label: t('nav.workspaceSettings'),
          leftSection: <IconSettings {...icon} />,
          onClick: () => void navigate({ to: '/w/$workspace/settings', params: { workspace: ws } }),
        },
        {
          id: 'go-profile',
          label: t('shell.profile'),
          leftSection: <IconUser {...icon} />,
          onClick: () => void navigate({ to: '/settings/profile' }),
        },
        {
          id: 'go-tokens',
          label: t('shell.apiTokens'),
          leftSection: <IconKey {...icon} />,
          onClick: () => void navigate({ to: '/settings/tokens' }),
        },
      ],
    });
    if (productItems.length > 0) {
      groups.push({
        group: t('nav.products'),
        actions: productItems.slice(0, 50).map((p) => ({
          id: `product-${p.id}`,
          label: p.name,
          description: t(`stages.${p.stage}`),
          leftSection: <IconBox {...icon} />,
          onClick: () => void navigate({ to: '/w/$workspace/products/$productId', params: { workspace: ws, productId: p.id } }),
        })),
      });
    }
  }
  if (workspace && query.trim()) {
    const q = query.trim();
    groups.push({
      id: FOUND,
      group: t('palette.found'),
      actions: [
        ...hits.map((hit) => {
          const Icon = HIT_ICONS[hit.type];
          return {
            id: `hit-${hit.type}-${hit.id}`,
            label: hit.title,
            description: t(HIT_LABELS[hit.type]),
            leftSection: <Icon {...icon} />,
            onClick: () => void navigate(hitLink(ws, hit)),
          };
        }),
        {
          id: 'search-everywhere',
          label: t('palette.searchEverywhere', { q }),
          leftSection: <IconSearch {...icon} />,
          onClick: () => void navigate({ to: '/w/$workspace/search', params: { workspace: ws }, search: { q } }),
        },
      ],
    } as SpotlightActionGroupData);
  }
  const others = workspaces.filter((w) => w.id !== workspace?.id);
  if (others.length > 0) {
    groups.push({
      group: t('palette.switchWorkspace'),
      actions: others.map((w) => ({
        id: `ws-${w.id}`,
        label: w.name,
        description: t(`roles.${w.role}.label`),
        leftSection: <WorkspaceAvatar name={w.name} seed={w.id} size={22} />,
        onClick: () => void navigate({ to: '/w/$workspace/products', params: { workspace: w.slug } }),
      })),
    });
  }
  groups.push({
    group: t('palette.preferences'),
    actions: [
      {
        id: 'toggle-theme',
        label: theme.computed === 'dark' ? t('palette.lightTheme') : t('palette.darkTheme'),
        leftSection: theme.computed === 'dark' ? <IconSun {...icon} /> : <IconMoon {...icon} />,
        keywords: ['theme', 'dark', 'light', 'thème', 'sombre', 'clair'],
        onClick: theme.toggle,
      },
      {
        id: 'toggle-language',
        label: t('palette.switchLanguage'),
        leftSection: <IconLanguage {...icon} />,
        keywords: ['language', 'langue', 'english', 'français', 'french', 'anglais'],
        onClick: () => void language.toggle(),
      },
      { id: 'shortcuts', label: t('shell.shortcuts'), leftSection: <IconKeyboard {...icon} />, onClick: onShortcuts },
    ],
  });

  return (
    <Spotlight
      actions={groups}
      query={query}
      onQueryChange={setQuery}
      filter={filterActions}
      nothingFound={t('palette.nothingFound')}
      highlightQuery
      limit={40}
      scrollable
      maxHeight={440}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('palette.results') } }}
      shortcut={['mod + K']}
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} aria-hidden />,
        placeholder: t('palette.placeholder'),
        'aria-label': t('palette.placeholder'),
      }}
    />
  );
}
