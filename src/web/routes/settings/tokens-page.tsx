import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  EmptyState,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/error-message.js';
import { type TokenDto, tokensQuery } from '../../api/queries.js';
import { useCreateToken, useRevokeToken } from '../../api/workspace-mutations.js';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { Page, PageHeader } from '../../components/page-header.js';

/** Personal API tokens for the CLI and integrations: create (shown once), see use, revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const tokens = useQuery(tokensQuery);
  const [revoking, setRevoking] = useState<TokenDto | null>(null);
  return (
    <Page width={880}>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} />
      <Stack gap="lg">
        <CreateTokenCard />
        <Card padding={0} component="section" aria-labelledby="tokens-list-title">
          <Title order={2} fz="h3" id="tokens-list-title" p="lg" pb="sm">
            {t('tokens.yourTokens')}
          </Title>
          {tokens.isPending ? (
            <Stack p="lg" pt={0} gap="xs">
              <Skeleton h={36} />
              <Skeleton h={36} />
            </Stack>
          ) : tokens.isError ? (
            <Stack p="lg" pt={0}>
              <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
            </Stack>
          ) : tokens.data.length === 0 ? (
            <EmptyState
              icon={<IconKey size={24} stroke={1.6} aria-hidden />}
              withIndicatorBackground
              title={t('tokens.emptyTitle')}
              description={t('tokens.emptyBody')}
              py="xl"
              size="sm"
            />
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="sm" horizontalSpacing="lg">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('tokens.name')}</Table.Th>
                    <Table.Th>{t('tokens.prefix')}</Table.Th>
                    <Table.Th>{t('tokens.created')}</Table.Th>
                    <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                    <Table.Th w={60}>
                      <Text span size="xs" c="dimmed">
                        {t('tokens.revoke')}
                      </Text>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.map((token) => (
                    <Table.Tr key={token.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {token.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{token.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {format.date(token.createdAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {token.lastUsedAt ? format.relative(token.lastUsedAt) : t('tokens.never')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={t('tokens.revoke')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('tokens.revokeNamed', { name: token.name })}
                            onClick={() => setRevoking(token)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
      <RevokeTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Page>
  );
}

function CreateTokenCard() {
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

function RevokeTokenModal({ token, onClose }: { token: TokenDto | null; onClose: () => void }) {
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
