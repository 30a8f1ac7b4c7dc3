import { Alert, Badge, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  explainFeatureScore,
  type FeatureExplanation,
  type FeatureScores,
  mergeScoreInputs,
  type ScoresPatch,
  type ScoringSettings,
} from '../../../domain/scoring/feature-scores.js';
import { type FrameworkKey, weightsOf } from '../../../domain/scoring/index.js';
import type { FeatureDto } from '../../api/discovery.js';
import { type ExplanationDto, explanationQuery } from '../../api/scoring.js';
import { useFormat } from '../format.js';
import { FormulaErrors } from './formula-error.js';
import { customFormula, scoreView, substitute } from './frameworks.js';
import type { ScoreLabels } from './labels.js';
import { evidenceOf, inputsFromScores } from './live-scores.js';
import { reachWindowText } from './reach-window.js';
import classes from './score.module.css';

export interface ExplanationPanelProps {
  workspace: string;
  feature: FeatureDto;
  framework: FrameworkKey;
  /** The scores on screen (with an unsaved edit, if any). */
  scores: FeatureScores;
  draft: ScoresPatch | undefined;
  settings: ScoringSettings;
  labels: ScoreLabels;
}

type Explained = Pick<FeatureExplanation, 'value' | 'inputs' | 'contributions' | 'missing' | 'errors'>;

/** "Name 450" → a value as a person reads it: percent for RICE confidence, labels for choices. */
function formatInput(framework: FrameworkKey, name: string, value: unknown, labels: ScoreLabels): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (framework === 'rice' && name === 'reachSource') return labels.reachSource(value);
    return labels.choice(framework, name, value);
  }
  if (typeof value !== 'number') return String(value);
  if (framework === 'rice' && name === 'confidence') return labels.percent(value);
  if (framework === 'rice' && name === 'reachWindowDays') return labels.days(value);
  if (framework === 'rice' && name === 'impact') return labels.choice('rice', 'impact', value);
  return labels.number(value, 2);
}

function inputLabel(framework: FrameworkKey, name: string, labels: ScoreLabels, settings?: ScoringSettings): string {
  if (framework === 'kano' && name === 'respondents') return labels.field('kano', 'answers');
  if (framework === 'custom') return settings?.custom.drivers.find((d) => d.name === name)?.label || labels.field('custom', name);
  return labels.field(framework, name);
}

/** The formula with this feature's numbers, in symbols every language reads. */
export function formulaWithNumbers(
  framework: FrameworkKey,
  scores: FeatureScores,
  settings: ScoringSettings,
  labels: ScoreLabels,
): string | null {
  const n = (v: number | null) => (v === null ? '?' : labels.number(v, 2));
  switch (framework) {
    case 'rice': {
      const s = scores.rice;
      if (s.value === null) return null;
      return `${n(s.reach)} × ${n(s.impact)} × ${s.confidence === null ? '?' : labels.percent(s.confidence)} ÷ ${n(s.effort)} = ${labels.score(s.value)}`;
    }
    case 'ice': {
      const s = scores.ice;
      if (s.value === null) return null;
      return s.variant === 'average'
        ? `(${n(s.impact)} + ${n(s.confidence)} + ${n(s.ease)}) ÷ 3 = ${labels.score(s.value)}`
        : `${n(s.impact)} × ${n(s.confidence)} × ${n(s.ease)} = ${labels.score(s.value)}`;
    }
    case 'wsjf': {
      const s = scores.wsjf;
      if (s.value === null) return null;
      return `(${n(s.businessValue)} + ${n(s.timeCriticality)} + ${n(s.riskReduction)}) ÷ ${n(s.jobSize)} = ${labels.score(s.value)}`;
    }
    case 'valueEffort': {
      const s = scores.valueEffort;
      if (s.ratio === null || s.quadrant === null) return null;
      return `${n(s.value)} ÷ ${n(s.effort)} = ${labels.number(s.ratio, 2)} · ${labels.quadrant(s.quadrant)}`;
    }
    case 'custom': {
      const f = customFormula(settings);
      if (!f || scores.custom.value === null) return null;
      return `${f.text} = ${labels.score(scores.custom.value)}`;
    }
    case 'moscow':
    case 'kano':
      return null;
  }
}

/**
 * "Why is this ranked here": the formula with the numbers, each input and what it does to
 * the score (a bar where the inputs add up to it), what is missing, and the last change
 * that moved it (who, when, from → to). Unsaved edits are explained live by the domain; the
 * history comes from the server.
 */
export function ExplanationPanel({ workspace, feature, framework, scores, draft, settings, labels }: ExplanationPanelProps) {
  const { t } = useTranslation();
  const tx = t as unknown as T;
  const format = useFormat();
  const server = useQuery(explanationQuery(workspace, feature.id, framework));
  const view = scoreView(framework, scores, labels);
  // With an unsaved edit (or before the server answers) the domain explains what is on screen.
  const local: Explained | null =
    draft || !server.data
      ? explainFeatureScore(framework, mergeScoreInputs(inputsFromScores(feature.scores), draft), evidenceOf(feature), settings)
      : null;
  const explained: Explained | null = local ?? (server.data as ExplanationDto | undefined) ?? null;
  const custom = framework === 'custom' ? customFormula(settings) : null;
  const withNumbers =
    framework === 'custom' && custom && scores.custom.value !== null && explained
      ? `${substitute(custom.text, explained.inputs, labels, weightsOf(settings.custom.drivers))} = ${labels.score(scores.custom.value)}`
      : formulaWithNumbers(framework, scores, settings, labels);
  const last = server.data?.lastChange ?? null;

  const inputs = Object.entries(explained?.inputs ?? {});
  const missing = explained?.missing ?? view.missing;
  const errors = explained?.errors ?? [];
  const anyShare = explained?.contributions.some((c) => c.share !== null) ?? false;

  return (
    <Stack gap="lg" data-testid="explanation">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" size="lg">
            {labels.framework(framework)}
          </Badge>
          {framework === 'ice' && (
            <Badge variant="outline" size="lg" data-testid="ice-variant">
              {t('prioritise.iceVariantBadge', { variant: labels.iceVariant(scores.ice.variant) })}
            </Badge>
          )}
        </Group>
        <Group gap="sm" align="baseline">
          <Text fz={36} fw={750} lh={1.1} data-testid="explanation-value" c={view.value === null ? 'dimmed' : undefined}>
            {view.value === null ? t('prioritise.notScored') : view.text}
          </Text>
        </Group>
        {draft && (
          <Text size="xs" c="orange">
            {t('prioritise.explanation.unsaved')}
          </Text>
        )}
      </Stack>

      <Stack gap={4}>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
          {t('prioritise.explanation.formula')}
        </Text>
        <Text size="sm">
          {framework === 'custom' && custom
            ? custom.weighted
              ? t('prioritise.custom.weightedSum', { formula: custom.text })
              : t('prioritise.custom.formula', { formula: custom.text })
            : framework === 'ice'
              ? t(`prioritise.iceVariantHint.${scores.ice.variant}`)
              : labels.frameworkFormula(framework)}
        </Text>
        {withNumbers && (
          <Text ff="monospace" size="md" fw={600} data-testid="explanation-numbers">
            {withNumbers}
          </Text>
        )}
        {framework === 'kano' && scores.kano.category && (
          <Text size="sm" data-testid="explanation-numbers">
            {labels.choice('kano', 'category', scores.kano.category)} —{' '}
            {scores.kano.source === 'manual' ? t('prioritise.setByHand') : t('prioritise.fromSurvey')}
            {scores.kano.better !== null &&
              scores.kano.worse !== null &&
              ` · ${t('prioritise.betterWorse', { better: labels.number(scores.kano.better, 2), worse: labels.number(scores.kano.worse, 2) })}`}
          </Text>
        )}
      </Stack>

      {inputs.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('prioritise.explanation.inputs')}
          </Text>
          <Table withRowBorders verticalSpacing={6} horizontalSpacing={0} data-testid="explanation-inputs">
            <Table.Tbody>
              {inputs.map(([name, value]) => (
                <Table.Tr key={name} data-input={name}>
                  <Table.Td>
                    <Text size="sm">{inputLabel(framework, name, labels, settings)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {value === null ? (
                      <Text size="sm" fs="italic" className={classes.missingText}>
                        {t('prioritise.missing')}
                      </Text>
                    ) : (
                      <Text size="sm" fw={600}>
                        {formatInput(framework, name, value, labels)}
                        {framework === 'rice' && name === 'reach' && scores.rice.reachSource !== 'manual' && (
                          <Text span size="xs" c="dimmed" ml={6} data-testid="explanation-reach-window">
                            ({reachWindowText(scores.rice, labels, tx)})
                          </Text>
                        )}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {explained && explained.contributions.length > 0 && (
        <Stack gap={8}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('prioritise.explanation.contributions')}
          </Text>
          {explained.contributions.map((c) => (
            <Stack key={c.name} gap={3} data-contribution={c.name}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {framework === 'kano' ? labels.choice('kano', 'category', c.name) : inputLabel(framework, c.name, labels, settings)}{' '}
                  <Text span fw={600}>
                    {framework === 'kano' ? c.value : formatInput(framework, c.name, c.value, labels)}
                  </Text>
                </Text>
                <Text size="xs" c="dimmed" ta="right">
                  {contributionText(framework, c, labels, tx)}
                </Text>
              </Group>
              {anyShare && c.share !== null && (
                <div className={classes.bar} role="img" aria-label={t('prioritise.explanation.share', { share: labels.percent(c.share) })}>
                  <div className={classes.barFill} style={{ width: `${Math.max(2, Math.min(100, c.share * 100))}%` }} />
                </div>
              )}
            </Stack>
          ))}
        </Stack>
      )}

      {missing.length > 0 && errors.length === 0 && (
        <Alert color="yellow" variant="light" title={t('prioritise.explanation.missingTitle')} data-testid="explanation-missing">
          <Text size="sm">
            {t('prioritise.explanation.missingBody', { fields: missing.map((m) => inputLabel(framework, m, labels, settings)).join(', ') })}
          </Text>
        </Alert>
      )}
      {errors.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('prioritise.explanation.errorsTitle')}
        >
          <FormulaErrors errors={errors} />
        </Alert>
      )}
      {framework === 'custom' && custom && /\brevenue\b/.test(custom.text) && (
        <Text size="xs" c="dimmed">
          {t('prioritise.explanation.revenueNote', { currency: settings.revenueCurrency })}
        </Text>
      )}

      <Stack gap={4}>
        <Title order={3} fz="xs" tt="uppercase" fw={700} c="dimmed">
          <Group gap={6} component="span">
            <IconHistory size={14} aria-hidden />
            {t('prioritise.explanation.lastChange')}
          </Group>
        </Title>
        {server.isPending ? (
          <Skeleton h={18} w="80%" />
        ) : last ? (
          <LastChangeText last={last} framework={framework} labels={labels} t={tx} when={format.relative(last.at)} date={format.date} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('prioritise.explanation.noChange')}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}

/** `t` for keys built at run time (the typed one only takes literal keys). */
type T = (key: string, options?: Record<string, unknown>) => string;

type LastChange = NonNullable<ExplanationDto['lastChange']>;

/** A revenue figure as the change log keeps it: "1,000 € a month". */
function moneyText(value: unknown, labels: ScoreLabels, t: T): string {
  const m = (value ?? {}) as { amount?: number | null; currency?: string | null; period?: string };
  if (typeof m.amount !== 'number') return t('prioritise.explanation.cleared');
  let amount: string;
  try {
    amount = m.currency
      ? new Intl.NumberFormat(labels.locale, { style: 'currency', currency: m.currency, maximumFractionDigits: 0 }).format(m.amount)
      : labels.number(m.amount, 2);
  } catch {
    amount = `${labels.number(m.amount, 2)} ${m.currency ?? ''}`.trim();
  }
  return t(m.period === 'year' ? 'prioritise.explanation.perYear' : 'prioritise.explanation.perMonth', { amount });
}

/**
 * The newest change that moved the score, in words: who changed which inputs (every input of
 * that change), or what happened to the evidence — named by the insight's text or the
 * customer's name, never by an id.
 */
function LastChangeText({
  last,
  framework,
  labels,
  t,
  when,
  date,
}: {
  last: LastChange;
  framework: FrameworkKey;
  labels: ScoreLabels;
  t: T;
  when: string;
  date: (iso: string) => string;
}) {
  const who = last.by?.name ?? t('prioritise.explanation.someone');
  if (last.field.startsWith('evidence.')) {
    const kind = last.field.slice('evidence.'.length);
    const subject =
      last.evidence?.label ??
      t(last.evidence?.kind === 'customer' ? 'prioritise.explanation.aCustomer' : 'prioritise.explanation.anInsight');
    const name = (v: unknown, fallback: string) => (typeof v === 'string' && v !== '' ? v : fallback);
    const values: Record<string, string> = {
      who,
      when,
      insight: subject,
      customer: subject,
      into: name(last.to, t('prioritise.explanation.anInsight')),
      from:
        kind === 'revenue'
          ? moneyText(last.from, labels, t)
          : kind === 'receivedAt'
            ? typeof last.from === 'string'
              ? date(last.from)
              : t('prioritise.explanation.cleared')
            : name(last.from, t('prioritise.explanation.noCustomer')),
      to:
        kind === 'revenue'
          ? moneyText(last.to, labels, t)
          : kind === 'receivedAt'
            ? typeof last.to === 'string'
              ? date(last.to)
              : t('prioritise.explanation.cleared')
            : name(last.to, t('prioritise.explanation.noCustomer')),
    };
    return (
      <Text size="sm" data-testid="explanation-last-change" data-field={last.field}>
        {t(`prioritise.explanation.evidence.${kind}`, { ...values, defaultValue: t('prioritise.explanation.evidenceChanged', values) })}
      </Text>
    );
  }
  const changes = last.changes.length > 0 ? last.changes : [{ field: last.field, from: last.from, to: last.to }];
  const line = (c: LastChange['changes'][number]) => ({
    field: changeField(c.field, labels, t),
    from: changeValue(framework, c.field, c.from, labels, t),
    to: changeValue(framework, c.field, c.to, labels, t),
  });
  if (changes.length === 1) {
    return (
      <Text size="sm" data-testid="explanation-last-change" data-field={last.field}>
        {t(last.by ? 'prioritise.explanation.lastChangeBy' : 'prioritise.explanation.lastChangeNobody', {
          who,
          when,
          ...line(changes[0]!),
        })}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="explanation-last-change" data-field={last.field}>
      <Text size="sm">{t('prioritise.explanation.lastChangeMany', { who, when, count: changes.length })}</Text>
      <ul className={classes.changeList}>
        {changes.map((c) => {
          const l = line(c);
          return (
            <li key={c.field} data-change={c.field}>
              <Text size="sm" span>
                {t('prioritise.explanation.changeLine', l)}
              </Text>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}

function contributionText(framework: FrameworkKey, c: FeatureExplanation['contributions'][number], labels: ScoreLabels, t: T): string {
  if (framework === 'rice') return c.name === 'effort' ? t('prioritise.explanation.divides') : t('prioritise.explanation.multiplies');
  if (framework === 'wsjf' && c.name === 'jobSize') return t('prioritise.explanation.divides');
  if (framework === 'ice' && c.share === null) return t('prioritise.explanation.multiplies');
  if (c.share !== null) {
    const share = t('prioritise.explanation.share', { share: labels.percent(c.share) });
    return c.effect !== null && framework !== 'kano'
      ? `${t('prioritise.explanation.effect', { effect: labels.number(c.effect, 2) })} · ${share}`
      : share;
  }
  if (c.effect !== null) return t('prioritise.explanation.changes', { effect: `${c.effect >= 0 ? '+' : ''}${labels.number(c.effect, 2)}` });
  return '';
}

/** "scores.rice.effort" → "Effort (RICE)"; settings and evidence in words. */
export function changeField(field: string, labels: ScoreLabels, t: T): string {
  const parts = field.split('.');
  if (parts[0] === 'scores' && parts[1]) {
    const framework = parts[1] as FrameworkKey;
    const name = parts[1] === 'custom' && parts[2] === 'values' ? parts[3] : parts[2];
    return name ? `${labels.field(framework, name)} (${labels.framework(framework)})` : labels.framework(framework);
  }
  if (parts[0] === 'settings') return t('prioritise.explanation.settingField', { name: parts.slice(1).join('.') });
  if (parts[0] === 'evidence') return t('prioritise.explanation.evidenceField');
  return field;
}

function changeValue(framework: FrameworkKey, field: string, value: unknown, labels: ScoreLabels, t: T): string {
  if (value === null || value === undefined) return t('prioritise.explanation.cleared');
  const name = field.split('.').pop() ?? '';
  if (typeof value === 'number' || typeof value === 'string') {
    const fw = (field.split('.')[1] as FrameworkKey | undefined) ?? framework;
    return formatInput(fw, name, value, labels);
  }
  return JSON.stringify(value);
}
