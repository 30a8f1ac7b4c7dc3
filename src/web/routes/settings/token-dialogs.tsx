import { Alert, Button, Card, Code, CopyButton, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/error-message.js';
import type { TokenDto } from '../../api/queries.js';
import { useCreateToken, useRevokeToken } from '../../api/workspace-mutations.js';

/** Names a new token and shows its secret once, with a way to copy it. */
export function CreateTokenCard() {
  const { t } = useTranslation();
  const create = useCreateToken();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <Card component="section" aria-labelledby="new-token-title">
      <Title order={2} fz="h3" id="new-token-title" mb="md">
        {t('tokens.create')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            placeholder={t('tokens.namePlaceholder')}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('tokens.createButton')}
          </Button>
        </Group>
      </form>
      {create.error && (
        <Alert color="red" variant="light" mt="md" role="alert">
          {errorMessage(create.error)}
        </Alert>
      )}
      {create.data && (
        <Alert
          color="teal"
          variant="light"
          mt="md"
          icon={<IconKey size={18} aria-hidden />}
          title={t('tokens.createdTitle', { name: create.data.name })}
        >
          <Text size="sm" mb="sm">
            {t('tokens.copyNow')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code block style={{ flex: 1, overflowX: 'auto', whiteSpace: 'nowrap' }} data-testid="new-token">
              {create.data.token}
            </Code>
            <CopyButton value={create.data.token}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed" mt="sm">
            {t('tokens.usage')}
          </Text>
          <Code
            block
            mt={4}
          >{`curl -H "Authorization: Bearer ${create.data.token.slice(0, 12)}…" ${window.location.origin}/api/v1/workspaces`}</Code>
          <Button size="xs" variant="subtle" mt="sm" onClick={() => create.reset()}>
            {t('tokens.savedIt')}
          </Button>
        </Alert>
      )}
    </Card>
  );
}

export function RevokeTokenModal({ token, onClose }: { token: TokenDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  const errorMessage = useErrorMessage();
  return (
    <Modal opened={token !== null} onClose={onClose} title={<Text fw={650}>{t('tokens.revokeTitle', { name: token?.name ?? '' })}</Text>}>
      <Stack gap="md">
        <Text size="sm">{t('tokens.revokeBody')}</Text>
        {revoke.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(revoke.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() =>
              token &&
              revoke.mutate(token.id, {
                onSuccess: () => {
                  notifications.show({ message: t('tokens.revoked', { name: token.name }) });
                  onClose();
                },
              })
            }
          >
            {t('tokens.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
