import {
  ActionIcon,
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Menu,
  Modal,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { customerQuery, insightsQuery } from '../../api/discovery.js';
import { useDeleteCustomer } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ImportanceMark, InsightStatusBadge, SourceLabel } from '../../components/discovery/badges.js';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { Page } from '../../components/page-header.js';
import { NotFoundPage } from '../../components/route-error.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { CustomerFormModal } from './customer-form-modal.js';
import { useRevenueText } from './customers-page.js';
import '../../i18n/discovery.js';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" py={6} style={{ borderBottom: '1px solid var(--cairn-border)' }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ta="right" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** One customer: who they are, what they weigh, and everything they told the team. */
export function CustomerPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const revenueText = useRevenueText();
  const { customerId } = useParams({ strict: false }) as { customerId: string };
  const customer = useQuery(customerQuery(workspace.key, customerId));
  useDocumentTitle(customer.data?.name, workspace.name);
  const insights = useInfiniteQuery(insightsQuery(workspace.key, { customerId, status: 'new,triaged,linked,archived' }));
  const remove = useDeleteCustomer(workspace.key);
  const canWrite = workspace.can('customer.write');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (customer.isPending) {
    return (
      <Page>
        <Stack gap="md" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={14} w={160} />
          <Skeleton h={30} w={320} />
          <Skeleton h={240} radius="lg" mt="md" />
        </Stack>
      </Page>
    );
  }
  if (customer.isError) {
    if (isApiError(customer.error) && customer.error.status === 404) return <NotFoundPage />;
    return (
      <Page>
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      </Page>
    );
  }
  const c = customer.data;
  const items = insights.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page>
      <Breadcrumbs mb="sm" separatorMargin={6}>
        <AnchorLink to="/w/$workspace/customers" params={{ workspace: workspace.key }} size="sm" c="dimmed">
          {t('customers.title')}
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {c.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="xl" wrap="nowrap">
        <Stack gap={4}>
          <Title order={1}>{c.name}</Title>
          <Text size="sm" c="dimmed">
            {[c.segment, c.plan, c.domain].filter(Boolean).join(' · ') || t('discovery.noSegment')}
          </Text>
        </Stack>
        {canWrite && (
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('customers.edit')}
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={t('features.moreActions')}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                  {t('customers.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card component="section" aria-labelledby="customer-insights">
            <Group justify="space-between" mb="md">
              <Title order={2} fz="h3" id="customer-insights">
                {t('customers.insightsTitle')}
              </Title>
              <ButtonLink
                to="/w/$workspace/insights"
                params={{ workspace: workspace.key }}
                search={{ customer: c.id }}
                variant="subtle"
                size="compact-sm"
              >
                {t('customers.allInsights')}
              </ButtonLink>
            </Group>
            {insights.isPending ? (
              <Stack gap="xs">
                <Skeleton h={56} radius="md" />
                <Skeleton h={56} radius="md" />
              </Stack>
            ) : items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('customers.noInsights')}
              </Text>
            ) : (
              <Stack gap={0}>
                {items.slice(0, 100).map((i) => (
                  <Stack key={i.id} gap={4} py="sm" style={{ borderBottom: '1px solid var(--cairn-border)' }}>
                    <Anchor
                      component="button"
                      type="button"
                      ta="left"
                      size="sm"
                      c="var(--mantine-color-text)"
                      lineClamp={3}
                      onClick={() =>
                        void navigate({
                          to: '/w/$workspace/insights',
                          params: { workspace: workspace.key },
                          search: { insight: i.id, status: 'new,triaged,linked,archived' },
                        })
                      }
                    >
                      {i.text}
                    </Anchor>
                    <Group gap="sm">
                      <InsightStatusBadge status={i.status} size="xs" />
                      <SourceLabel source={i.source} />
                      <ImportanceMark importance={i.importance} />
                      {i.personName && (
                        <Text size="xs" c="dimmed">
                          {i.personName}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {format.date(i.receivedAt)}
                      </Text>
                    </Group>
                  </Stack>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card component="section" aria-labelledby="customer-details">
            <Title order={2} fz="h3" id="customer-details" mb="sm">
              {t('customers.details')}
            </Title>
            <Row label={t('customers.segment')}>{c.segment ?? '—'}</Row>
            <Row label={t('customers.plan')}>{c.plan ?? '—'}</Row>
            <Row label={t('customers.revenue')}>{revenueText(c)}</Row>
            <Row label={t('customers.size')}>{c.size ?? '—'}</Row>
            <Row label={t('customers.domain')}>{c.domain ?? '—'}</Row>
            <Row label={t('customers.externalId')}>{c.externalId ?? '—'}</Row>
            <Row label={t('customers.colInsights')}>{c.insightCount}</Row>
          </Card>
        </Grid.Col>
      </Grid>
      <CustomerFormModal workspace={workspace.key} customer={c} opened={editing} onClose={() => setEditing(false)} />
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={<Text fw={650}>{t('customers.deleteTitle', { name: c.name })}</Text>}
      >
        <Stack gap="md">
          <Text size="sm">{t('customers.deleteBody')}</Text>
          {remove.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: c.id, version: c.version },
                  {
                    onSuccess: () => {
                      notifications.show({ message: t('customers.deleted', { name: c.name }) });
                      void navigate({ to: '/w/$workspace/customers', params: { workspace: workspace.key } });
                    },
                  },
                )
              }
            >
              {t('customers.deleteForGood')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}
