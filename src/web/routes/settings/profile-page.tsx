import { Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/error-message.js';
import { meQuery } from '../../api/queries.js';
import { useUpdateProfile } from '../../api/workspace-mutations.js';
import { useLanguageSwitch, useThemeToggle } from '../../app/use-session.js';
import { Page, PageHeader } from '../../components/page-header.js';
import type { Language } from '../../i18n/index.js';

/** Your name, your language and your theme. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const update = useUpdateProfile();
  const errorMessage = useErrorMessage();
  const language = useLanguageSwitch();
  const theme = useThemeToggle();
  const [name, setName] = useState(me?.user.name ?? '');
  useEffect(() => {
    if (me) setName(me.user.name);
  }, [me]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    update.mutate(
      { name: name.trim() },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('profile.saved') }),
        onError: (error) => notifications.show({ color: 'red', title: t('common.saveFailed'), message: errorMessage(error) }),
      },
    );
  };

  return (
    <Page width={760}>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Stack gap="lg">
        <Card component="section" aria-labelledby="profile-title">
          <Title order={2} fz="h3" id="profile-title" mb="md">
            {t('profile.you')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput label={t('auth.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} required />
              <TextInput label={t('auth.email')} value={me?.user.email ?? ''} readOnly disabled />
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending} disabled={!name.trim() || name.trim() === me?.user.name}>
                  {t('common.saveChanges')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        <Card component="section" aria-labelledby="prefs-title">
          <Title order={2} fz="h3" id="prefs-title" mb="md">
            {t('profile.preferences')}
          </Title>
          <Stack gap="lg">
            <Stack gap={6}>
              <Text size="sm" fw={500} id="language-label">
                {t('shell.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="language-label"
                value={language.language}
                onChange={(v) => void language.set(v as Language)}
                data={[
                  { value: 'en', label: t('languages.en') },
                  { value: 'fr', label: t('languages.fr') },
                ]}
                w="fit-content"
              />
              <Text size="xs" c="dimmed">
                {t('profile.languageHint')}
              </Text>
            </Stack>
            <Stack gap={6}>
              <Text size="sm" fw={500} id="theme-label">
                {t('shell.theme')}
              </Text>
              <SegmentedControl
                aria-labelledby="theme-label"
                value={theme.scheme}
                onChange={(v) => theme.set(v as 'light' | 'dark' | 'auto')}
                data={[
                  {
                    value: 'light',
                    label: (
                      <Group gap={6} wrap="nowrap">
                        <IconSun size={15} aria-hidden />
                        {t('theme.light')}
                      </Group>
                    ),
                  },
                  {
                    value: 'dark',
                    label: (
                      <Group gap={6} wrap="nowrap">
                        <IconMoon size={15} aria-hidden />
                        {t('theme.dark')}
                      </Group>
                    ),
                  },
                  {
                    value: 'auto',
                    label: (
                      <Group gap={6} wrap="nowrap">
                        <IconDeviceDesktop size={15} aria-hidden />
                        {t('theme.system')}
                      </Group>
                    ),
                  },
                ]}
                w="fit-content"
              />
            </Stack>
          </Stack>
        </Card>
      </Stack>
    </Page>
  );
}
