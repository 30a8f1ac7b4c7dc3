import { Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type WorkspaceDto, workspacesQuery } from '../../api/queries.js';
import { WorkspaceAvatar } from '../workspace/workspace-avatar.js';
import classes from './shell.module.css';

/** Which workspace (company or client) the screens show; switch or create one. */
export function WorkspaceSwitcher({ current, onCreate }: { current: WorkspaceDto | null; onCreate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: workspaces = [] } = useQuery(workspacesQuery);
  return (
    <Menu position="bottom-start" width={260} shadow="lg" withinPortal>
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
        {workspaces.map((w) => (
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
        <Menu.Divider />
        <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
          {t('workspace.createTitle')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
