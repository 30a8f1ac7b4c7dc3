import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../contract/routes.js';
import { call } from '../../api/client.js';
import { useErrorMessage } from '../../api/error-message.js';
import { AuthLayout } from './auth-layout.js';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const search = useSearch({ strict: false }) as { redirect?: string };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => call(routes.login, { body: { email: email.trim(), password } }),
    onSuccess: () => {
      queryClient.clear();
      void navigate({ href: search.redirect ?? '/' });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim() && password) login.mutate();
  };
  return (
    <AuthLayout title={t('login.title')} subtitle={t('login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            autoFocus
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {login.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(login.error)}
            </Alert>
          )}
          <Button type="submit" loading={login.isPending} disabled={!email.trim() || !password} mt="xs" fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
