import { Center, Stack, Text, Title } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { ErrorState } from './error-state.js';
import { ButtonLink } from './links.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="xl">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <IconCompass size={44} stroke={1.4} color="var(--mantine-color-dimmed)" aria-hidden />
        <Title order={1} fz="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <ButtonLink to="/" variant="light" mt="sm">
          {t('notFound.home')}
        </ButtonLink>
      </Stack>
    </Center>
  );
}

/** A route failed to load its data or code. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const { t } = useTranslation();
  if (isApiError(error) && (error.status === 404 || error.status === 403)) {
    return (
      <Center mih="60vh" p="xl">
        <Stack align="center" gap="sm" maw={460} ta="center">
          <IconCompass size={44} stroke={1.4} color="var(--mantine-color-dimmed)" aria-hidden />
          <Title order={1} fz="h2">
            {error.status === 404 ? t('notFound.title') : t('errors.forbidden')}
          </Title>
          <Text c="dimmed">{error.status === 404 ? t('notFound.resource') : t('notFound.forbiddenBody')}</Text>
          <ButtonLink to="/" variant="light" mt="sm">
            {t('notFound.home')}
          </ButtonLink>
        </Stack>
      </Center>
    );
  }
  return (
    <Stack p="xl" maw={720} mx="auto">
      <ErrorState
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </Stack>
  );
}
