import { AppShell, Burger, Group, Kbd, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { Outlet } from '@tanstack/react-router';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace } from '../../app/use-workspace.js';
import { LogoMark } from '../logo.js';
import { RoutePending } from '../route-pending.js';
import { CreateWorkspaceModal } from '../workspace/create-workspace-modal.js';
import { CommandPalette } from './command-palette.js';
import { Navigation } from './navigation.js';
import classes from './shell.module.css';
import { MOD, ShortcutsHelp, useGlobalShortcuts } from './shortcuts.js';
import { UserMenu } from './user-menu.js';
import { WorkspaceSwitcher } from './workspace-switcher.js';
import '@mantine/spotlight/styles.css';

/** The frame of every signed-in screen: navigation, workspace switcher, user menu, palette. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);
  const [createOpened, create] = useDisclosure(false);
  const workspace = useCurrentWorkspace();
  useGlobalShortcuts({ workspace: workspace?.slug ?? null, onHelp: help.open });

  return (
    <>
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        header={{ height: { base: 52, sm: 0 } }}
        padding={0}
      >
        <AppShell.Header hiddenFrom="sm" px="md">
          <Group h="100%" justify="space-between">
            <Group gap="sm">
              <Burger opened={navOpened} onClick={nav.toggle} size="sm" aria-label={t('shell.toggleNavigation')} />
              <LogoMark size={24} />
            </Group>
            <UnstyledButton onClick={() => spotlight.open()} aria-label={t('shell.search')}>
              <IconSearch size={20} aria-hidden />
            </UnstyledButton>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar className={classes.navbar} p="sm" aria-label={t('shell.mainNavigation')}>
          <AppShell.Section>
            <WorkspaceSwitcher current={workspace} onCreate={create.open} />
          </AppShell.Section>
          <AppShell.Section mt="sm" mb="md">
            <UnstyledButton className={classes.searchButton} onClick={() => spotlight.open()} data-testid="open-palette">
              <IconSearch size={15} aria-hidden />
              <Text size="sm" style={{ flex: 1 }} ta="left" c="inherit">
                {t('shell.searchOrJump')}
              </Text>
              <Group gap={2} wrap="nowrap" aria-hidden>
                <Kbd size="xs">{MOD}</Kbd>
                <Kbd size="xs">K</Kbd>
              </Group>
            </UnstyledButton>
          </AppShell.Section>
          <AppShell.Section grow component={ScrollArea} mx={-8} px={8}>
            {workspace && <Navigation workspace={workspace.slug} onNavigate={nav.close} />}
          </AppShell.Section>
          <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--cairn-border)' }}>
            <UserMenu onShortcuts={help.open} />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main className={classes.main} id="main" tabIndex={-1}>
          <Suspense fallback={<RoutePending />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
      <CommandPalette workspace={workspace} onShortcuts={help.open} onCreateWorkspace={create.open} />
      <ShortcutsHelp opened={helpOpened} onClose={help.close} />
      <CreateWorkspaceModal opened={createOpened} onClose={create.close} />
    </>
  );
}
