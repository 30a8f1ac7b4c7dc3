import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../../api/queries.js';
import { useSignOut } from '../../app/use-session.js';
import { CreateWorkspaceForm } from '../../components/workspace/create-workspace-form.js';
import { AuthLayout } from '../auth/auth-layout.js';

/** Signed in without any workspace: create the first one (a company, or a client). */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQuery);
  const signOut = useSignOut();
  return (
    <AuthLayout title={t('home.title', { name: me?.user.name.split(' ')[0] ?? '' })} subtitle={t('home.subtitle')} width={460}>
      <CreateWorkspaceForm />
      <Group justify="center" mt="lg" gap={6}>
        <Text size="xs" c="dimmed">
          {t('home.signedInAs', { email: me?.user.email ?? '' })}
        </Text>
        <Anchor component="button" type="button" size="xs" onClick={() => void signOut()}>
          {t('shell.signOut')}
        </Anchor>
      </Group>
    </AuthLayout>
  );
}
