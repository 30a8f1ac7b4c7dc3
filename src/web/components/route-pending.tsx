import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown while a screen's code or data arrives: the shape of a page, not a spinner. */
export function RoutePending() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" p="xl" maw={1100} mx="auto" w="100%" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton h={28} w={220} radius="sm" />
      <Skeleton h={16} w={360} radius="sm" />
      <Skeleton h={180} mt="lg" radius="lg" />
      <Skeleton h={120} radius="lg" />
    </Stack>
  );
}
