import { Alert, Badge, Button, Group, PasswordInput, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../../contract/routes.js';
import { call, isApiError } from '../../api/client.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { keys, meQuery } from '../../api/queries.js';
import { useSignOut } from '../../app/use-session.js';
import { ButtonLink } from '../../components/links.js';
import { AuthLayout } from './auth-layout.js';

/** An invitation link: join the workspace with a new account, or with the one you have. */
export function InvitePage() {
  const { t } = useTranslation();
  const { token } = useParams({ strict: false }) as { token: string };
  const errorMessage = useErrorMessage();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => call(routes.getInvitation, { params: { token } }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const me = useQuery({ ...meQuery, retry: false });

  if (invitation.isPending) {
    return (
      <AuthLayout title={t('invite.loading')}>
        <Stack>
          <Skeleton h={16} />
          <Skeleton h={36} />
          <Skeleton h={36} />
        </Stack>
      </AuthLayout>
    );
  }
  if (invitation.isError) {
    const invalid =
      isApiError(invitation.error) &&
      (invitation.error.code === 'invitation_invalid' || invitation.error.status === 400 || invitation.error.status === 404);
    return (
      <AuthLayout title={t('invite.invalidTitle')}>
        <Stack>
          <Text size="sm" c="dimmed">
            {invalid ? t('invite.invalidBody') : errorMessage(invitation.error)}
          </Text>
          <ButtonLink to="/" variant="light">
            {t('invite.goHome')}
          </ButtonLink>
        </Stack>
      </AuthLayout>
    );
  }
  const info = invitation.data;
  const signedInAs = me.data?.user.email ?? null;
  return (
    <AuthLayout
      title={t('invite.title', { workspace: info.workspace.name })}
      subtitle={
        <Group gap={6} component="span" wrap="wrap">
          <span>{t('invite.subtitle', { email: info.email })}</span>
          <Badge variant="light" size="sm">
            {t(`roles.${info.role}.label`)}
          </Badge>
        </Group>
      }
    >
      {!info.accountExists ? (
        <NewAccountForm token={token} email={info.email} workspace={info.workspace.slug} />
      ) : signedInAs === info.email ? (
        <AcceptAsMember token={token} />
      ) : (
        <SignInFirst email={info.email} token={token} signedInAs={signedInAs} />
      )}
    </AuthLayout>
  );
}

function useAccept(token: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: { name?: string; password?: string }) => call(routes.acceptInvitation, { params: { token }, body }),
    onSuccess: async ({ workspace }) => {
      queryClient.removeQueries({ queryKey: keys.me });
      await queryClient.invalidateQueries();
      void navigate({ to: '/w/$workspace/products', params: { workspace: workspace.slug } });
    },
  });
}

function NewAccountForm({ token, email }: { token: string; email: string; workspace: string }) {
  const { t } = useTranslation();
  const accept = useAccept(token);
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const errors = fieldErrors(accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8) {
      setTooShort(true);
      return;
    }
    accept.mutate({ name: name.trim(), password });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('auth.email')} value={email} readOnly disabled />
        <TextInput
          label={t('auth.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          autoFocus
        />
        <PasswordInput
          label={t('invite.choosePassword')}
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
        {accept.error && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(accept.error)}
          </Alert>
        )}
        <Button type="submit" loading={accept.isPending} disabled={!name.trim() || !password} fullWidth mt="xs">
          {t('invite.join')}
        </Button>
      </Stack>
    </form>
  );
}

function AcceptAsMember({ token }: { token: string }) {
  const { t } = useTranslation();
  const accept = useAccept(token);
  const errorMessage = useErrorMessage();
  return (
    <Stack gap="md">
      {accept.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(accept.error)}
        </Alert>
      )}
      <Button onClick={() => accept.mutate({})} loading={accept.isPending} fullWidth>
        {t('invite.accept')}
      </Button>
    </Stack>
  );
}

function SignInFirst({ email, token, signedInAs }: { email: string; token: string; signedInAs: string | null }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Stack gap="md">
      <Text size="sm">{signedInAs ? t('invite.wrongAccount', { current: signedInAs, email }) : t('invite.signInFirst', { email })}</Text>
      {signedInAs ? (
        <Button onClick={() => void signOut(`/invite/${token}`)} variant="light" fullWidth>
          {t('invite.signOutAndSwitch')}
        </Button>
      ) : (
        <ButtonLink to="/login" search={{ redirect: `/invite/${token}` }} fullWidth>
          {t('invite.signIn')}
        </ButtonLink>
      )}
    </Stack>
  );
}
