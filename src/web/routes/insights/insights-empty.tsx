import { Button, Card, EmptyState, Group } from '@mantine/core';
import { IconBulb, IconFileImport, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function InsightsEmpty({
  filtered,
  canWrite,
  canImport,
  onCreate,
  onImport,
  onClear,
}: {
  filtered: boolean;
  canWrite: boolean;
  canImport: boolean;
  onCreate: () => void;
  onImport: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <Card py={48}>
        <EmptyState
          icon={<IconFilterOff size={26} stroke={1.6} aria-hidden />}
          withIndicatorBackground
          title={t('insights.noMatchTitle')}
          description={t('insights.noMatchBody')}
        >
          <EmptyState.Actions>
            <Button variant="default" onClick={onClear}>
              {t('insights.filters.clear')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card py={56}>
      <EmptyState
        icon={<IconBulb size={28} stroke={1.6} aria-hidden />}
        variant="light"
        title={t('insights.emptyTitle')}
        description={canWrite ? t('insights.emptyBody') : t('insights.emptyBodyReader')}
        maw={560}
        mx="auto"
      >
        {(canWrite || canImport) && (
          <EmptyState.Actions>
            <Group>
              {canWrite && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
                  {t('insights.addFeedback')}
                </Button>
              )}
              {canImport && (
                <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
                  {t('insights.importCsv')}
                </Button>
              )}
            </Group>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Card>
  );
}
