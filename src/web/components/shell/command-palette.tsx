import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import {
  IconActivity,
  IconBox,
  IconKey,
  IconKeyboard,
  IconLanguage,
  IconMoon,
  IconPlus,
  IconSearch,
  IconSettings,
  IconSun,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../domain/roles.js';
import { productsQuery, type WorkspaceDto, workspacesQuery } from '../../api/queries.js';
import { useLanguageSwitch, useThemeToggle } from '../../app/use-session.js';
import { AREA_ICONS, AREAS } from '../../routes/areas/areas.js';
import { WorkspaceAvatar } from '../workspace/workspace-avatar.js';

const icon = { size: 18, stroke: 1.7, 'aria-hidden': true } as const;

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
