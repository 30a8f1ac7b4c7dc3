import { Group, Menu, ScrollArea, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconCheck, IconPlus, IconSearch, IconSelector } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type WorkspaceDto, workspacesQuery } from '../../api/queries.js';
import { WorkspaceAvatar } from '../workspace/workspace-avatar.js';
import classes from './shell.module.css';

/** Past this many workspaces (a freelancer's clients), the list gets a filter. */
const FILTER_FROM = 8;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Which workspace (company or client) the screens show; switch or create one. The list
 * scrolls within the window however many workspaces there are.
 */
export function WorkspaceSwitcher({ current, onCreate }: { current: WorkspaceDto | null; onCreate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: workspaces = [] } = useQuery(workspacesQuery);
  const [query, setQuery] = useState('');
  const wanted = fold(query.trim());
  const filtered = workspaces.length >= FILTER_FROM;
  const shown = wanted ? workspaces.filter((w) => fold(`${w.name} ${w.slug}`).includes(wanted)) : workspaces;
  return (
    <Menu
      position="bottom-start"
      width={260}
      shadow="lg"
      withinPortal
      onClose={() => setQuery('')}
      // With a filter, the menu's focus goes to it (data-autofocus) rather than to Mantine's
      // placeholder, so typing right after opening narrows the list.
      withInitialFocusPlaceholder={!filtered}
    >
      <Menu.Target>
        <UnstyledButton className={classes.switcher} aria-label={t('shell.switchWorkspace')} data-testid="workspace-switcher">
          <Group gap={10} wrap="nowrap">
            {current ? <WorkspaceAvatar name={current.name} seed={current.id} /> : <WorkspaceAvatar name="?" seed="none" />}
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={650} truncate>
                {current?.name ?? t('shell.chooseWorkspace')}
              </Text>
              {current && (
                <Text size="xs" c="dimmed" truncate>
                  {t(`roles.${current.role}.label`)}
                </Text>
              )}
            </div>
            <IconSelector size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('shell.workspaces')}</Menu.Label>
        {filtered && (
          <TextInput
            size="xs"
            mx={6}
            mb={6}
            data-autofocus
            aria-label={t('shell.filterWorkspaces')}
            placeholder={t('shell.filterWorkspaces')}
            leftSection={<IconSearch size={14} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            // Letters go to the filter; arrows and Enter still move through the menu.
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Escape' && e.key !== 'Tab') e.stopPropagation();
            }}
          />
        )}
        <ScrollArea.Autosize mah="min(420px, 55vh)" type="auto">
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py={6}>
              {t('shell.noWorkspaceMatches', { query: query.trim() })}
            </Text>
          )}
          {shown.map((w) => (
            <Menu.Item
              key={w.id}
              leftSection={<WorkspaceAvatar name={w.name} seed={w.id} size={22} />}
              rightSection={w.id === current?.id ? <IconCheck size={15} aria-hidden /> : null}
              onClick={() => void navigate({ to: '/w/$workspace/products', params: { workspace: w.slug } })}
            >
              <Text size="sm" truncate>
                {w.name}
              </Text>
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
        <Menu.Divider />
        <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
          {t('workspace.createTitle')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
