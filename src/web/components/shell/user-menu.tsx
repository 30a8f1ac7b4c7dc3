import { Group, Menu, Text, UnstyledButton } from '@mantine/core';
import {
  IconApi,
  IconCheck,
  IconDeviceDesktop,
  IconDots,
  IconKey,
  IconKeyboard,
  IconLanguage,
  IconLogout,
  IconMoon,
  IconSun,
  IconUser,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/queries.js';
import { useLanguageSwitch, useSignOut, useThemeToggle } from '../../app/use-session.js';
import { PersonAvatar } from '../workspace/workspace-avatar.js';
import classes from './shell.module.css';

const check = <IconCheck size={15} aria-hidden />;

/** Who is signed in, their preferences, and the way out. */
export function UserMenu({ onShortcuts }: { onShortcuts: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const signOut = useSignOut();
  const language = useLanguageSwitch();
  const theme = useThemeToggle();
  if (!me) return null;
  return (
    <Menu position="top-start" width={250} shadow="lg" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={t('shell.userMenu')} data-testid="user-menu">
          <Group gap={10} wrap="nowrap">
            <PersonAvatar name={me.user.name} seed={me.user.id} size={30} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {me.user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {me.user.email}
              </Text>
            </div>
            <IconDots size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconUser size={16} aria-hidden />} onClick={() => void navigate({ to: '/settings/profile' })}>
          {t('shell.profile')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => void navigate({ to: '/settings/tokens' })}>
          {t('shell.apiTokens')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={13} aria-hidden />
            {t('shell.language')}
          </Group>
        </Menu.Label>
        <Menu.Item rightSection={language.language === 'en' ? check : null} onClick={() => void language.set('en')} lang="en">
          {t('languages.en')}
        </Menu.Item>
        <Menu.Item rightSection={language.language === 'fr' ? check : null} onClick={() => void language.set('fr')} lang="fr">
          {t('languages.fr')}
        </Menu.Item>
        <Menu.Label>{t('shell.theme')}</Menu.Label>
        <Menu.Item
          leftSection={<IconSun size={16} aria-hidden />}
          rightSection={theme.scheme === 'light' ? check : null}
          onClick={() => theme.set('light')}
        >
          {t('theme.light')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconMoon size={16} aria-hidden />}
          rightSection={theme.scheme === 'dark' ? check : null}
          onClick={() => theme.set('dark')}
        >
          {t('theme.dark')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconDeviceDesktop size={16} aria-hidden />}
          rightSection={theme.scheme === 'auto' ? check : null}
          onClick={() => theme.set('auto')}
        >
          {t('theme.system')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconKeyboard size={16} aria-hidden />}
          onClick={onShortcuts}
          rightSection={
            <Text size="xs" c="dimmed">
              ?
            </Text>
          }
        >
          {t('shell.shortcuts')}
        </Menu.Item>
        <Menu.Item leftSection={<IconApi size={16} aria-hidden />} component="a" href="/api/docs" target="_blank" rel="noopener">
          {t('shell.apiReference')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()} data-testid="sign-out">
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
