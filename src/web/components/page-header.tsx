import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title.js';

/** The top of every screen: what this is, one sentence on what it is for, and its actions. */
export function PageHeader({
  title,
  description,
  actions,
  above,
  badges,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  above?: ReactNode;
  badges?: ReactNode;
}) {
  useDocumentTitle(typeof title === 'string' ? title : null);
  return (
    <Stack gap={6} mb="xl">
      {above}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ flex: 1, minWidth: 240 }}>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1}>{title}</Title>
            {badges}
          </Group>
          {description && (
            <Text c="dimmed" size="sm" maw={680}>
              {description}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}

/** The content column of a screen. */
export function Page({ children, width = 1120 }: { children: ReactNode; width?: number }) {
  return (
    <Stack gap={0} px={{ base: 'md', sm: 'xl' }} py={{ base: 'lg', sm: 32 }} maw={width} mx="auto" w="100%">
      {children}
    </Stack>
  );
}
