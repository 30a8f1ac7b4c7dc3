import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageShortcutSections } from './page-shortcuts.js';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD = isMac ? '⌘' : 'Ctrl';

/** Whether a key press belongs to a text field (shortcuts stay out of typing). */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"][aria-modal="true"], .mantine-Spotlight-content') !== null;
}

type GoTarget = 'products' | 'insights' | 'features' | 'prioritise' | 'customers' | 'activity' | 'members' | 'settings';
const GO_KEYS: Record<string, GoTarget> = {
  p: 'products',
  i: 'insights',
  f: 'features',
  r: 'prioritise',
  c: 'customers',
  a: 'activity',
  m: 'members',
  s: 'settings',
};

/**
 * Keyboard navigation for the whole app: "g" then a letter goes somewhere, "?" opens the
 * help. Pages add their own (e.g. "n" for a new product).
 */
export function useGlobalShortcuts({ workspace, onHelp }: { workspace: string | null; onHelp: () => void }) {
  const navigate = useNavigate();
  const pendingG = useRef<number | null>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event) || dialogOpen()) return;
      if (event.key === '?') {
        event.preventDefault();
        onHelp();
        return;
      }
      if (pendingG.current !== null) {
        window.clearTimeout(pendingG.current);
        pendingG.current = null;
        const target = GO_KEYS[event.key.toLowerCase()];
        if (target && workspace) {
          event.preventDefault();
          void navigate({ to: `/w/$workspace/${target}`, params: { workspace } });
        }
        return;
      }
      if (event.key === 'g') {
        pendingG.current = window.setTimeout(() => {
          pendingG.current = null;
        }, 1200);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, onHelp, workspace]);
}

function Keys({ keys }: { keys: string[] }) {
  const { t } = useTranslation();
  // "+" joins keys pressed together; otherwise keys are pressed one after the other.
  const parts = keys.map((k, i) => ({ k, id: `${i}:${k}`, joiner: i > 0 && k !== '+' && keys[i - 1] !== '+' }));
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {parts.map(({ k, id, joiner }) => (
        <Fragment key={id}>
          {joiner && (
            <Text size="xs" c="dimmed">
              {t('shortcuts.sequence')}
            </Text>
          )}
          {k === '+' ? (
            <Text size="xs" c="dimmed">
              +
            </Text>
          ) : (
            <Kbd size="sm">{k}</Kbd>
          )}
        </Fragment>
      ))}
    </Group>
  );
}

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rows: { keys: string[]; label: string }[] = [
    { keys: [MOD, '+', 'K'], label: t('shortcuts.palette') },
    { keys: ['g', 'p'], label: t('shortcuts.goProducts') },
    { keys: ['g', 'i'], label: t('shortcuts.goInsights') },
    { keys: ['g', 'f'], label: t('shortcuts.goFeatures') },
    { keys: ['g', 'r'], label: t('shortcuts.goPrioritise') },
    { keys: ['g', 'c'], label: t('shortcuts.goCustomers') },
    { keys: ['g', 'a'], label: t('shortcuts.goActivity') },
    { keys: ['g', 'm'], label: t('shortcuts.goMembers') },
    { keys: ['g', 's'], label: t('shortcuts.goSettings') },
    { keys: ['n'], label: t('shortcuts.newProduct') },
    { keys: ['/'], label: t('shortcuts.search') },
    { keys: ['?'], label: t('shortcuts.help') },
  ];
  const pageSections = usePageShortcutSections();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('shortcuts.title')}</Text>} size="md">
      <Stack gap="xs">
        <Table verticalSpacing={8} horizontalSpacing={0} withRowBorders>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.label}>
                <Table.Td>
                  <Text size="sm">{row.label}</Text>
                </Table.Td>
                <Table.Td>
                  <Keys keys={row.keys} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {pageSections.map((section) => (
          <Stack key={section.title} gap={4} mt="sm">
            <Text size="sm" fw={650}>
              {section.title}
            </Text>
            <Table verticalSpacing={8} horizontalSpacing={0} withRowBorders>
              <Table.Tbody>
                {section.rows.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Td>
                      <Text size="sm">{row.label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Keys keys={row.keys} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        <Text size="xs" c="dimmed">
          {t('shortcuts.hint')}
        </Text>
      </Stack>
    </Modal>
  );
}
