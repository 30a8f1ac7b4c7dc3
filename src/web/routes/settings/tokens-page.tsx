import { ActionIcon, Card, Code, EmptyState, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconKey, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TokenDto, tokensQuery } from '../../api/queries.js';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { Page, PageHeader } from '../../components/page-header.js';
import { CreateTokenCard, RevokeTokenModal } from './token-dialogs.js';

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
