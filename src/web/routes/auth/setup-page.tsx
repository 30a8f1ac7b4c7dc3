import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../contract/routes.js';
import { call } from '../../api/client.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { AuthLayout } from './auth-layout.js';

/** First run: the person installing Cairn creates the owner account. */
export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const setup = useMutation({
    mutationFn: () => call(routes.runSetup, { body: { name: name.trim(), email: email.trim(), password } }),
    onSuccess: () => {
      queryClient.clear();
      void navigate({ to: '/' });
    },
  });
  const errors = fieldErrors(setup.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8) {
      setTooShort(true);
      return;
    }
    setup.mutate();
  };

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('auth.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            autoFocus
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              if (e.currentTarget.value.length >= 8) setTooShort(false);
            }}
            error={tooShort ? t('auth.passwordTooShort') : errors.password}
          />
          {setup.error && Object.keys(errors).length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(setup.error)}
            </Alert>
          )}
          <Button type="submit" loading={setup.isPending} disabled={!name.trim() || !email.trim() || !password} mt="xs" fullWidth>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
