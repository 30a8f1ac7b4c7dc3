import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE, INSIGHT_SOURCES } from '../../../contract/discovery.js';
import type { EvidenceDto } from '../../api/discovery.js';

const IMPORTANCE_COLORS = { nice_to_have: 'gray.5', important: 'orange.6', critical: 'red.6' } as const;

/** The small charts of the evidence panel: importance mix and the split by segment (loaded after the page). */
export default function EvidenceCharts({ evidence }: { evidence: EvidenceDto }) {
  const { t } = useTranslation();
  const importance = IMPORTANCE.map((i) => ({
    name: t(`discovery.importance.${i}`),
    value: evidence.importance[i] ?? 0,
    color: IMPORTANCE_COLORS[i],
  })).filter((d) => d.value > 0);
  const segments = evidence.bySegment.map((s) => ({
    segment: s.segment ?? t('discovery.noSegment'),
    insights: s.insightCount,
    customers: s.customerCount,
  }));
  const sources = INSIGHT_SOURCES.map((s) => ({ source: s, count: evidence.bySource[s] ?? 0 })).filter((s) => s.count > 0);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('features.evidence.importanceMix')}
        </Text>
        <Group gap="lg" wrap="nowrap" align="center">
          <DonutChart data={importance} size={120} thickness={18} withTooltip={false} chartLabel={String(evidence.insightCount)} />
          <Stack gap={6}>
            {IMPORTANCE.map((i) => (
              <Group key={i} gap={8} wrap="nowrap">
                <span
                  aria-hidden
                  style={{
                    width: 10,
                    height: 10,
                    borderRadius: 3,
                    background: `var(--mantine-color-${IMPORTANCE_COLORS[i].replace('.', '-')})`,
                  }}
                />
                <Text size="sm">
                  {t(`discovery.importance.${i}`)} <b>{evidence.importance[i] ?? 0}</b>
                </Text>
              </Group>
            ))}
          </Stack>
        </Group>
        {sources.length > 0 && (
          <Stack gap={4} mt="xs">
            <Text size="sm" fw={600}>
              {t('features.evidence.bySource')}
            </Text>
            <Group gap="md">
              {sources.map((s) => (
                <Text key={s.source} size="sm">
                  {t(`discovery.sources.${s.source}`)} <b>{s.count}</b>
                </Text>
              ))}
            </Group>
          </Stack>
        )}
      </Stack>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('features.evidence.bySegment')}
        </Text>
        <BarChart
          h={Math.max(120, segments.length * 36 + 40)}
          data={segments}
          dataKey="segment"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          xAxisProps={{ allowDecimals: false }}
          series={[
            { name: 'insights', label: t('features.evidence.chartInsights'), color: 'cairn.5' },
            { name: 'customers', label: t('features.evidence.chartCustomers'), color: 'teal.5' },
          ]}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 30 }}
          gridAxis="none"
          barProps={{ radius: 3 }}
        />
      </Stack>
    </SimpleGrid>
  );
}
