import { ActionIcon, Badge, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconUnlink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EvidenceDto, evidenceQuery } from '../../api/discovery.js';
import { useUnlinkInsight } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import { ImportanceMark, SourceLabel } from '../../components/discovery/badges.js';
import { useMoney } from '../../components/discovery/money.js';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { forgetLink } from '../insights/session-links.js';
import classes from './feature.module.css';

// Charts are heavy (recharts); they arrive after the numbers.
const EvidenceCharts = lazy(() => import('./evidence-charts.js'));

function Stat({ value, label, testId }: { value: string; label: string; testId: string }) {
  return (
    <Card padding="md" radius="md" bg="var(--cairn-subtle-bg)" withBorder={false} data-testid={testId}>
      <Text fz={value.length > 10 ? 20 : 26} fw={700} lh={1.15} mih={30}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Card>
  );
}

/** What supports a feature: how many insights, which customers and how much revenue, and their words. */
export function EvidencePanel({ workspace, featureId, canWrite }: { workspace: string; featureId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  const [segment, setSegment] = useState<string | null>(null);
  const all = useQuery(evidenceQuery(workspace, featureId));
  const filtered = useQuery({ ...evidenceQuery(workspace, featureId, segment ?? undefined), enabled: segment !== null });
  const evidence: EvidenceDto | undefined = segment !== null ? filtered.data : all.data;
  const segments = (all.data?.bySegment ?? []).map((s) => s.segment).filter((s): s is string => s !== null);

  return (
    <Card component="section" aria-labelledby="evidence-title" data-testid="evidence">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="h3" id="evidence-title">
            {t('features.evidence.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('features.evidence.hint')}
          </Text>
        </Stack>
        <Group gap="xs">
          {(all.data?.insightCount ?? 0) > 0 && (
            <ButtonLink
              to="/w/$workspace/insights"
              params={{ workspace }}
              search={{ feature: featureId, status: 'new,triaged,linked,archived' }}
              variant="subtle"
              size="compact-sm"
            >
              {t('features.evidence.openInbox')}
            </ButtonLink>
          )}
          {segments.length > 0 && (
            <Select
              aria-label={t('features.evidence.segment')}
              placeholder={t('features.evidence.allSegments')}
              data={segments}
              value={segment}
              onChange={setSegment}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              w={200}
              size="sm"
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Group>
      </Group>
      {all.isError ? (
        <ErrorState error={all.error} onRetry={() => void all.refetch()} />
      ) : !evidence ? (
        <Stack gap="sm">
          <SimpleGrid cols={3}>
            <Skeleton h={72} radius="md" />
            <Skeleton h={72} radius="md" />
            <Skeleton h={72} radius="md" />
          </SimpleGrid>
          <Skeleton h={140} radius="md" />
        </Stack>
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Stat
              value={String(evidence.insightCount)}
              label={t('features.evidence.insights', { count: evidence.insightCount })}
              testId="evidence-insights"
            />
            <Stat
              value={String(evidence.customerCount)}
              label={t('features.evidence.customers', { count: evidence.customerCount })}
              testId="evidence-customers"
            />
            <Stat
              value={evidence.revenue.length ? evidence.revenue.map((r) => money(r.monthly, r.currency)).join(' + ') : '—'}
              label={evidence.revenue.length ? t('features.evidence.revenue') : t('features.evidence.noRevenue')}
              testId="evidence-revenue"
            />
          </SimpleGrid>
          {evidence.insightCount > 0 && (
            <Suspense fallback={<Skeleton h={150} radius="md" />}>
              <EvidenceCharts evidence={evidence} />
            </Suspense>
          )}
          <Quotes workspace={workspace} featureId={featureId} evidence={evidence} canWrite={canWrite} />
        </Stack>
      )}
    </Card>
  );
}

function Quotes({
  workspace,
  featureId,
  evidence,
  canWrite,
}: {
  workspace: string;
  featureId: string;
  evidence: EvidenceDto;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const unlink = useUnlinkInsight(workspace);
  return (
    <Stack gap="sm">
      <Title order={3} fz="h4">
        {t('features.evidence.quotes')}
      </Title>
      {evidence.quotes.length === 0 ? (
        <Stack gap={4} py="md" align="center">
          <Text size="sm" fw={600}>
            {t('features.evidence.noQuotesTitle')}
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('features.evidence.noQuotes')}
          </Text>
        </Stack>
      ) : (
        evidence.quotes.map((quote) => (
          <div key={quote.insightId} className={classes.quote} data-testid="evidence-quote">
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                {quote.highlight && (
                  <Text className={classes.highlight} component="p">
                    {t('features.evidence.quoted', { text: quote.highlight })}
                  </Text>
                )}
                <Text size="sm" c={quote.highlight ? 'dimmed' : undefined} lineClamp={quote.highlight ? 2 : 4} className={classes.text}>
                  {quote.text}
                </Text>
                <Group gap="sm" wrap="wrap">
                  <Text size="xs" fw={600}>
                    {quote.customer?.name ?? t('features.evidence.noCustomer')}
                  </Text>
                  {quote.customer?.segment && (
                    <Badge size="xs" variant="default" fw={500}>
                      {quote.customer.segment}
                    </Badge>
                  )}
                  <SourceLabel source={quote.source} />
                  <ImportanceMark importance={quote.importance} />
                  <Text size="xs" c="dimmed">
                    {format.date(quote.receivedAt)}
                  </Text>
                </Group>
              </Stack>
              <Group gap={2} wrap="nowrap">
                <Tooltip label={t('features.evidence.openInsight')}>
                  <AnchorLink
                    to="/w/$workspace/insights"
                    params={{ workspace }}
                    search={{ insight: quote.insightId, status: 'new,triaged,linked,archived' }}
                    aria-label={t('features.evidence.openInsight')}
                    c="dimmed"
                    p={6}
                    style={{ display: 'inline-flex' }}
                  >
                    <IconExternalLink size={16} aria-hidden />
                  </AnchorLink>
                </Tooltip>
                {canWrite && (
                  <Tooltip label={t('features.evidence.unlink')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('features.evidence.unlinkNamed')}
                      loading={unlink.isPending && unlink.variables?.insightId === quote.insightId}
                      onClick={() =>
                        unlink.mutate(
                          { featureId, insightId: quote.insightId },
                          {
                            onSuccess: () => {
                              forgetLink(quote.insightId, featureId);
                              notifications.show({ message: t('features.evidence.unlinked') });
                            },
                            onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
                          },
                        )
                      }
                    >
                      <IconUnlink size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          </div>
        ))
      )}
    </Stack>
  );
}
