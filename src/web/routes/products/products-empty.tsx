import { Button, Card, EmptyState, Group } from '@mantine/core';
import { IconBox, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ProductsEmpty({
  filtered,
  canWrite,
  onCreate,
  onClear,
}: {
  filtered: boolean;
  canWrite: boolean;
  onCreate: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <Card py={48}>
        <EmptyState
          icon={<IconFilterOff size={26} stroke={1.6} aria-hidden />}
          withIndicatorBackground
          title={t('products.noMatchTitle')}
          description={t('products.noMatchBody')}
        >
          <EmptyState.Actions>
            <Button variant="default" onClick={onClear}>
              {t('products.clearFilters')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card py={56}>
      <EmptyState
        icon={<IconBox size={28} stroke={1.6} aria-hidden />}
        variant="light"
        title={t('products.emptyTitle')}
        description={canWrite ? t('products.emptyBody') : t('products.emptyBodyReader')}
        maw={520}
        mx="auto"
      >
        {canWrite && (
          <EmptyState.Actions>
            <Group>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
                {t('products.createFirst')}
              </Button>
            </Group>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Card>
  );
}
