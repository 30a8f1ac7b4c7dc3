import { Badge, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { type FeatureScores, type ScoringSettings, sortValue } from '../../../domain/scoring/feature-scores.js';
import { FRAMEWORK_KEYS, type FrameworkKey } from '../../../domain/scoring/index.js';
import type { FeatureDto } from '../../api/discovery.js';
import { editableFields, fieldValue, scoreView } from '../../components/score/frameworks.js';
import type { ScoreLabels } from '../../components/score/labels.js';
import classes from './prioritisation.module.css';

export interface CompareItem {
  feature: FeatureDto;
  scores: FeatureScores;
}

function show(framework: FrameworkKey, name: string, value: number | string | null, labels: ScoreLabels): string {
  if (value === null) return '—';
  if (typeof value === 'string')
    return framework === 'rice' && name === 'reachSource' ? labels.reachSource(value) : labels.choice(framework, name, value);
  if (framework === 'rice' && name === 'confidence') return labels.percent(value);
  if (framework === 'rice' && name === 'impact') return labels.choice('rice', 'impact', value);
  return labels.number(value, 2);
}

/**
 * Two or three features side by side: every framework's inputs and score, their evidence
 * and status. Inputs that differ are highlighted, and each framework's best score is marked.
 */
export function CompareModal({
  items,
  opened,
  onClose,
  settings,
  labels,
  frameworks,
}: {
  items: readonly CompareItem[];
  opened: boolean;
  onClose: () => void;
  settings: ScoringSettings;
  labels: ScoreLabels;
  frameworks: readonly FrameworkKey[];
}) {
  const { t } = useTranslation();
  const order = [...frameworks, ...FRAMEWORK_KEYS.filter((f) => !frameworks.includes(f))];
  const differs = (values: unknown[]) => new Set(values.map((v) => JSON.stringify(v))).size > 1;
  const span = items.length + 1;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size={items.length > 2 ? 'xl' : 'lg'}
      title={<Text fw={650}>{t('prioritise.compareTitle')}</Text>}
      data-testid="compare-modal"
    >
      <Text size="xs" c="dimmed" mb="sm">
        {t('prioritise.compareLegend')}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table withRowBorders verticalSpacing={6} horizontalSpacing="sm" data-testid="compare-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180} />
              {items.map((item) => (
                <Table.Th key={item.feature.id}>
                  <Text size="sm" fw={700} lineClamp={2}>
                    {item.feature.title}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td colSpan={span}>
                <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                  {t('prioritise.compareEvidence')}
                </Text>
              </Table.Td>
            </Table.Tr>
            {(
              [
                ['compareStatus', (f: FeatureDto) => t(`discovery.featureStatuses.${f.status}`)],
                ['compareInsights', (f: FeatureDto) => String(f.insightCount)],
                ['compareCustomers', (f: FeatureDto) => String(f.customerCount)],
              ] as const
            ).map(([key, get]) => {
              const values = items.map((i) => get(i.feature));
              const diff = differs(values);
              return (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Text size="sm">{t(`prioritise.${key}`)}</Text>
                  </Table.Td>
                  {values.map((v, i) => (
                    <Table.Td key={items[i]!.feature.id} className={diff ? classes.compareDiff : undefined}>
                      <Text size="sm">{v}</Text>
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
            {order.map((framework) => {
              const fields = editableFields(framework, settings).map((s) => s.name);
              if (framework === 'rice') fields.unshift('reachSource');
              const sorts = items.map((i) => sortValue(framework, i.scores));
              const best = Math.max(...sorts.map((s) => (s === null ? Number.NEGATIVE_INFINITY : s)));
              const bestCount = sorts.filter((s) => s === best).length;
              return (
                <Fragment key={framework}>
                  <Table.Tr data-framework={framework}>
                    <Table.Td colSpan={span}>
                      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mt={6}>
                        {labels.framework(framework)}
                        {framework === 'ice' && ` · ${labels.iceVariant(settings.iceVariant)}`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                  {fields.map((name) => {
                    const values = items.map((i) =>
                      framework === 'rice' && name === 'reachSource'
                        ? i.scores.rice.reachSource
                        : framework === 'rice' && name === 'reach'
                          ? i.scores.rice.reach
                          : fieldValue(framework, i.scores, name),
                    );
                    const diff = differs(values);
                    const label =
                      framework === 'custom'
                        ? (settings.custom.drivers.find((d) => d.name === name)?.label ?? name)
                        : labels.field(framework, name);
                    return (
                      <Table.Tr key={`${framework}:${name}`}>
                        <Table.Td>
                          <Text size="sm">{label}</Text>
                        </Table.Td>
                        {values.map((v, i) => (
                          <Table.Td
                            key={items[i]!.feature.id}
                            className={diff ? classes.compareDiff : undefined}
                            data-differs={diff || undefined}
                          >
                            <Text size="sm" fs={v === null ? 'italic' : undefined} c={v === null ? 'dimmed' : undefined}>
                              {v === null ? t('prioritise.missing') : show(framework, name, v, labels)}
                            </Text>
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    );
                  })}
                  <Table.Tr>
                    <Table.Td>
                      <Text size="sm" fw={650}>
                        {t('prioritise.colScore')}
                      </Text>
                    </Table.Td>
                    {items.map((item, i) => {
                      const view = scoreView(framework, item.scores, labels);
                      const isBest = sorts[i] !== null && sorts[i] === best && bestCount < items.length;
                      return (
                        <Table.Td key={item.feature.id} data-testid={`compare-score-${framework}`}>
                          <Text size="sm" fw={700} c={view.value === null ? 'dimmed' : undefined} span>
                            {view.value === null ? t('prioritise.notScored') : view.text}
                          </Text>
                          {isBest && (
                            <Badge size="xs" variant="light" color="teal" ml={6}>
                              {t('prioritise.compareBest')}
                            </Badge>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Modal>
  );
}
