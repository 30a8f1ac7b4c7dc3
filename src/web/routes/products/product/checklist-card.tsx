import { Accordion, Badge, Card, Checkbox, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { STAGE_GATES, STAGES, type Stage, stageIndex } from '../../../../domain/lifecycle.js';
import { isApiError } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/error-message.js';
import type { ProductDto } from '../../../api/queries.js';
import { gateLabel } from '../../../components/activity/describe.js';
import type { ProductUpdate } from './types.js';

function done(product: ProductDto, stage: Stage): number {
  return STAGE_GATES[stage].filter((item) => product.checklist[`${stage}.${item}`] === true).length;
}

/** The stage gates: what a team should have done before leaving each stage. Ticks save at once. */
export function ChecklistCard({ product, canWrite, update }: { product: ProductDto; canWrite: boolean; update: ProductUpdate }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const current = product.stage;
  const total = STAGE_GATES[current].length;
  const currentDone = done(product, current);

  const toggle = (key: string, value: boolean) =>
    update.mutate(
      { patch: { checklist: { [key]: value } }, optimistic: true },
      {
        onError: (error) =>
          notifications.show(
            isApiError(error, 'version_conflict')
              ? { color: 'orange', title: t('conflict.title'), message: t('conflict.checklist', { item: gateLabel(t, key) }) }
              : { color: 'red', title: t('common.saveFailed'), message: errorMessage(error) },
          ),
      },
    );

  const stagesWithGates = STAGES.filter((s) => STAGE_GATES[s].length > 0);
  return (
    <Card component="section" aria-labelledby="gate-title">
      <Stack gap={4} mb="md">
        <Title order={2} fz="h3" id="gate-title">
          {t('gate.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('gate.hint')}
        </Text>
      </Stack>
      {total > 0 ? (
        <Stack gap={6} mb="md">
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('gate.currentStage', { stage: t(`stages.${current}`) })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('products.gateCount', { done: currentDone, total })}
            </Text>
          </Group>
          <Progress
            value={(currentDone / total) * 100}
            color={currentDone === total ? 'teal' : 'cairn'}
            size="sm"
            aria-label={t('gate.progress')}
          />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="md">
          {t('gate.none')}
        </Text>
      )}
      <Accordion multiple defaultValue={total > 0 ? [current] : []} variant="separated" radius="md" chevronPosition="right">
        {stagesWithGates.map((stage) => {
          const n = done(product, stage);
          const items = STAGE_GATES[stage];
          const past = stageIndex(stage) < stageIndex(current);
          return (
            <Accordion.Item key={stage} value={stage}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="xs">
                  <Group gap={8}>
                    <Text size="sm" fw={stage === current ? 650 : 500}>
                      {t(`stages.${stage}`)}
                    </Text>
                    {stage === current && (
                      <Badge size="xs" variant="light">
                        {t('lifecycle.current')}
                      </Badge>
                    )}
                  </Group>
                  <Text
                    size="xs"
                    c={n === items.length ? 'var(--cairn-success-text)' : past && n < items.length ? 'var(--cairn-warning-text)' : 'dimmed'}
                  >
                    {n}/{items.length}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {items.map((item) => {
                    const key = `${stage}.${item}`;
                    return (
                      <Checkbox
                        key={key}
                        label={gateLabel(t, key)}
                        checked={product.checklist[key] === true}
                        disabled={!canWrite}
                        onChange={(e) => toggle(key, e.currentTarget.checked)}
                        radius="sm"
                      />
                    );
                  })}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Card>
  );
}
