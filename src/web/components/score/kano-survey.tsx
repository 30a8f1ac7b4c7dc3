import {
  ActionIcon,
  Alert,
  Button,
  Drawer,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureScores } from '../../../domain/scoring/feature-scores.js';
import {
  classifyKanoResponse,
  evaluateKanoSurvey,
  KANO_ANSWERS,
  KANO_CATEGORIES,
  type KanoAnswer,
  type KanoCategory,
  type KanoResponse,
} from '../../../domain/scoring/index.js';
import { answersFromCounts, emptyCounts, type KanoCounts, type KanoSurveyPatch, lowersCounts, surveyPatch } from './kano-answers.js';
import type { ScoreLabels } from './labels.js';

export interface KanoSurveyProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  scores: FeatureScores;
  labels: ScoreLabels;
  canWrite: boolean;
  /** The change to the survey: answers appended (the stored ones kept), or the survey rewritten or cleared. */
  onSave: (patch: KanoSurveyPatch) => void;
}

/**
 * A feature's Kano survey: add respondents' answer pairs one by one (functional: "if it is
 * there", dysfunctional: "if it is not") or type the counts per category from a survey tool.
 * The category, Better and Worse are computed by the domain as you go. Saving appends the
 * new pairs to the stored ones, which stay as respondents gave them; only typed counts
 * become representative pairs (see surveyPatch).
 */
export function KanoSurveyDrawer({ opened, onClose, title, scores, labels, canWrite, onSave }: KanoSurveyProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'pairs' | 'counts'>('pairs');
  const [counts, setCounts] = useState<KanoCounts>(emptyCounts);
  // Counts the person typed (null: untouched, the stored pairs are kept as they are).
  const [typed, setTyped] = useState<KanoCounts | null>(null);
  const [pairs, setPairs] = useState<KanoResponse[]>([]);
  const [functional, setFunctional] = useState<KanoAnswer | null>(null);
  const [dysfunctional, setDysfunctional] = useState<KanoAnswer | null>(null);

  // Starts from the saved survey each time the drawer opens (not on every refresh while it is open).
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per opening
  useEffect(() => {
    if (!opened) return;
    setCounts({ ...emptyCounts(), ...(scores.kano.counts ?? {}) });
    setTyped(null);
    setPairs([]);
    setFunctional(null);
    setDysfunctional(null);
  }, [opened]);

  const total: KanoCounts = { ...counts };
  for (const p of pairs) total[classifyKanoResponse(p.functional, p.dysfunctional)] += 1;
  // The result as it will be: the domain's evaluation of pairs with these counts.
  const survey = evaluateKanoSurvey(answersFromCounts(total));
  const patch = surveyPatch(scores.kano.counts, typed, pairs);
  const rewrites = typed !== null && lowersCounts(scores.kano.counts, typed);
  const answerOptions = KANO_ANSWERS.map((a) => ({ value: a, label: labels.kanoAnswer(a) }));
  const categoryLabel = (c: KanoCategory) => labels.choice('kano', 'category', c);

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={<Text fw={650}>{`${t('prioritise.kanoSurvey.title')} — ${title}`}</Text>}
    >
      <Stack gap="md" data-testid="kano-survey">
        <Text size="sm" c="dimmed">
          {t('prioritise.kanoSurvey.intro')}
        </Text>
        {canWrite && (
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as 'pairs' | 'counts')}
            data={[
              { value: 'pairs', label: t('prioritise.kanoSurvey.answers') },
              { value: 'counts', label: t('prioritise.kanoSurvey.counts') },
            ]}
            fullWidth
          />
        )}
        {canWrite && mode === 'pairs' && (
          <Stack gap="xs">
            <SimpleGrid cols={2} spacing="xs">
              <Select
                label={t('prioritise.kanoSurvey.functional')}
                data={answerOptions}
                value={functional}
                onChange={(v) => setFunctional(v as KanoAnswer | null)}
                comboboxProps={{ withinPortal: true }}
                data-testid="kano-functional"
              />
              <Select
                label={t('prioritise.kanoSurvey.dysfunctional')}
                data={answerOptions}
                value={dysfunctional}
                onChange={(v) => setDysfunctional(v as KanoAnswer | null)}
                comboboxProps={{ withinPortal: true }}
                data-testid="kano-dysfunctional"
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={!functional || !dysfunctional}
                onClick={() => {
                  if (!functional || !dysfunctional) return;
                  setPairs((list) => [...list, { functional, dysfunctional }]);
                  setFunctional(null);
                  setDysfunctional(null);
                }}
                data-testid="kano-add"
              >
                {t('prioritise.kanoSurvey.add')}
              </Button>
            </Group>
            {pairs.length > 0 && (
              <Table verticalSpacing={4} withRowBorders>
                <Table.Tbody>
                  {pairs.slice(-20).map((p, i) => {
                    const n = pairs.length - Math.min(20, pairs.length) + i + 1;
                    return (
                      <Table.Tr key={`${n}:${p.functional}:${p.dysfunctional}`}>
                        <Table.Td>
                          <Text size="xs">{t('prioritise.kanoSurvey.respondent', { n })}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {labels.kanoAnswer(p.functional)} / {labels.kanoAnswer(p.dysfunctional)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" fw={600}>
                            {categoryLabel(classifyKanoResponse(p.functional, p.dysfunctional))}
                          </Text>
                        </Table.Td>
                        <Table.Td w={32}>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={t('prioritise.kanoSurvey.remove', { n })}
                            onClick={() => setPairs((list) => list.filter((_, j) => j !== n - 1))}
                          >
                            <IconTrash size={14} aria-hidden />
                          </ActionIcon>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
        {(mode === 'counts' || !canWrite) && (
          <Stack gap="xs">
            {canWrite && (
              <Text size="xs" c="dimmed">
                {t('prioritise.kanoSurvey.countsIntro')}
              </Text>
            )}
            <SimpleGrid cols={2} spacing="xs">
              {KANO_CATEGORIES.map((c) => (
                <NumberInput
                  key={c}
                  label={categoryLabel(c)}
                  description={t(`prioritise.kanoAbout.${c}`)}
                  min={0}
                  max={10_000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={counts[c]}
                  onChange={(v) => {
                    const next = { ...counts, [c]: typeof v === 'number' ? v : 0 };
                    setCounts(next);
                    setTyped(next);
                  }}
                  disabled={!canWrite}
                  data-testid={`kano-count-${c}`}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}

        <Paper withBorder radius="md" p="md" data-testid="kano-result">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>
            {t('prioritise.kanoSurvey.result')}
          </Text>
          {survey ? (
            <Stack gap={6}>
              <Text size="sm" fw={650}>
                {t('prioritise.kanoSurvey.category', { category: categoryLabel(survey.category) })} ·{' '}
                {t('prioritise.surveyCount', { count: survey.respondents })}
              </Text>
              <SimpleGrid cols={2}>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('prioritise.kanoSurvey.better')}
                  </Text>
                  <Text fw={700} data-testid="kano-better">
                    {survey.better === null ? '—' : labels.number(survey.better, 2)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('prioritise.kanoSurvey.betterHint')}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('prioritise.kanoSurvey.worse')}
                  </Text>
                  <Text fw={700} data-testid="kano-worse">
                    {survey.worse === null ? '—' : labels.number(survey.worse, 2)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('prioritise.kanoSurvey.worseHint')}
                  </Text>
                </Stack>
              </SimpleGrid>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('prioritise.kanoSurvey.none')}
            </Text>
          )}
        </Paper>
        {canWrite &&
          scores.kano.respondents > 0 &&
          (rewrites ? (
            <Alert color="orange" variant="light" p="xs">
              <Text size="xs" data-testid="kano-kept">
                {t('prioritise.kanoSurvey.rewrites', { count: scores.kano.respondents })}
              </Text>
            </Alert>
          ) : (
            <Text size="xs" c="dimmed" data-testid="kano-kept">
              {t('prioritise.kanoSurvey.kept', { count: scores.kano.respondents })}
            </Text>
          ))}
        {scores.kano.manualCategory && (
          <Alert color="gray" variant="light">
            <Text size="sm">{t('prioritise.kanoSurvey.manualWins', { category: categoryLabel(scores.kano.manualCategory) })}</Text>
          </Alert>
        )}
        {canWrite && (
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              disabled={scores.kano.respondents === 0 && pairs.length === 0}
              onClick={() => {
                onSave({ answers: null });
                onClose();
              }}
            >
              {t('prioritise.kanoSurvey.clear')}
            </Button>
            <Button
              onClick={() => {
                if (patch) onSave(patch);
                onClose();
              }}
              data-testid="kano-save"
            >
              {t('prioritise.kanoSurvey.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}
