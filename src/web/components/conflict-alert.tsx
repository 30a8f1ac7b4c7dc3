import { Alert, Button, Group, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Someone saved first. Nothing was overwritten: the person chooses to take the latest
 * version (dropping their edit) or to save theirs over it knowingly.
 */
export function ConflictAlert({ onReload, onOverwrite, busy }: { onReload: () => void; onOverwrite?: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitMerge size={18} aria-hidden />}
      title={t('conflict.title')}
      role="alert"
      data-testid="conflict-alert"
    >
      <Text size="sm">{t('conflict.body')}</Text>
      <Group gap="xs" mt="sm">
        <Button size="xs" variant="white" color="orange" onClick={onReload}>
          {t('conflict.reload')}
        </Button>
        {onOverwrite && (
          <Button size="xs" variant="subtle" color="orange" onClick={onOverwrite} loading={busy}>
            {t('conflict.overwrite')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
