import {
  Alert,
  Badge,
  Button,
  Card,
  Drawer,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconGitMerge, IconSortDescendingNumbers } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACH_SOURCES, type ReachSource, type ScoresPatch } from '../../../domain/scoring/feature-scores.js';
import type { FrameworkKey } from '../../../domain/scoring/index.js';
import { REACH_WINDOW_PRESETS } from '../../../domain/scoring/reach-window.js';
import type { FeatureDto } from '../../api/discovery.js';
import { evidenceQuery } from '../../api/discovery.js';
import { useErrorMessage } from '../../api/error-message.js';
import { productQuery } from '../../api/queries.js';
import { applyFeature, saveScores, scoringQuery } from '../../api/scoring.js';
import { ButtonLink } from '../../components/links.js';
import { ExplanationPanel } from '../../components/score/explanation-panel.js';
import {
  editableFields,
  fieldValue,
  orderedFrameworks,
  patchFor,
  preferredFrameworks,
  scoreView,
} from '../../components/score/frameworks.js';
import { KanoSurveyDrawer } from '../../components/score/kano-survey.js';
import { useScoreLabels } from '../../components/score/labels.js';
import { domainSettings, liveScores } from '../../components/score/live-scores.js';
import { draftWindow, reachWindowText } from '../../components/score/reach-window.js';
import scoreClasses from '../../components/score/score.module.css';
import { useScoreDrafts } from '../../components/score/score-drafts.js';
import { ScoreField, type ScoreValue } from '../../components/score/score-field.js';
import '../../i18n/prioritisation.js';

/**
 * The feature's scores under its product's frameworks: the inputs typed in place (scored
 * as you type by the shared domain function, saved a moment later with the feature's
 * version), the score, and why.
 */
export function ScoresCard({ workspace, feature, canWrite }: { workspace: string; feature: FeatureDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const labels = useScoreLabels();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const scoring = useQuery(scoringQuery(workspace));
  const settings = useMemo(() => (scoring.data ? domainSettings(scoring.data) : null), [scoring.data]);
  // The product itself (not a page of the product list, where it may not be).
  const product = useQuery({ ...productQuery(workspace, feature.productId ?? ''), enabled: feature.productId !== null });
  const own = preferredFrameworks(product.data, settings);
  const [chosen, setChosen] = useState<FrameworkKey | null>(null);
  const [more, setMore] = useState(false);
  const [explaining, setExplaining] = useState(false);
  const [survey, setSurvey] = useState(false);
  const framework: FrameworkKey = chosen ?? own[0] ?? 'rice';
  const shown = more ? orderedFrameworks(own) : own.includes(framework) ? own : [...own, framework];

  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const { store, snapshot } = useScoreDrafts({
    save: (id, version, patch) => saveScores(workspace, id, version, patch),
    onSaved: (saved) => applyFeature(queryClient, workspace, saved),
    settings: () => settingsRef.current!,
  });
  const draft = snapshot.drafts.get(feature.id);
  const status = snapshot.status.get(feature.id);
  // A window chosen but not saved yet is counted here from the linked insights, with the domain's rule.
  const needsLinks = draftWindow(feature.scores.rice, draft, []) !== undefined;
  const links = useQuery({ ...evidenceQuery(workspace, feature.id), enabled: needsLinks });
  const counted = draftWindow(feature.scores.rice, draft, links.data?.quotes);
  const scores = useMemo(
    () => (settings ? liveScores(feature, draft, settings, counted === undefined ? undefined : { window: counted }) : null),
    [feature, draft, settings, counted],
  );
  const edit = (patch: ScoresPatch) => store.edit(feature, patch);
  const onChange = (fw: FrameworkKey, field: string, value: ScoreValue) => edit(patchFor(fw, field, value));

  if (scoring.isError) return null;
  if (!settings || !scores || (feature.productId !== null && product.isPending)) {
    return (
      <Card component="section" mt="lg">
        <Skeleton h={18} w={120} mb="md" />
        <Skeleton h={120} />
      </Card>
    );
  }
  const view = scoreView(framework, scores, labels);
  const fields = editableFields(framework, settings);

  return (
    <Card component="section" aria-labelledby="scores-title" mt="lg" data-testid="scores-card">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} fz="h3" id="scores-title">
          {t('prioritise.card.title')}
        </Title>
        <SaveState state={status?.state} />
      </Group>
      <Stack gap="md">
        {shown.length > 1 && (
          <SegmentedControl
            size="xs"
            value={framework}
            onChange={(v) => setChosen(v as FrameworkKey)}
            data={shown.map((f) => ({ value: f, label: labels.framework(f) }))}
            fullWidth
            aria-label={t('prioritise.framework')}
          />
        )}
        <Group justify="space-between" align="center" wrap="nowrap">
          <Tooltip label={t('prioritise.explain')} withinPortal>
            <button
              type="button"
              className={scoreClasses.score}
              data-missing={view.value === null && !view.invalid ? true : undefined}
              data-invalid={view.invalid || undefined}
              onClick={() => setExplaining(true)}
              style={{ fontSize: 20, height: 40, lineHeight: '40px' }}
              data-testid="card-score"
            >
              {view.value === null ? (view.invalid ? t('prioritise.invalid') : t('prioritise.notScored')) : view.text}
            </button>
          </Tooltip>
          <Group gap={6}>
            {framework === 'ice' && (
              <Badge variant="light" data-testid="card-ice-variant">
                {t('prioritise.iceVariantBadge', { variant: labels.iceVariant(settings.iceVariant) })}
              </Badge>
            )}
            <Button variant="subtle" size="xs" onClick={() => setExplaining(true)}>
              {t('prioritise.card.why')}
            </Button>
          </Group>
        </Group>
        {framework === 'custom' && settings.custom.drivers.length === 0 && !settings.custom.formula ? (
          <Text size="sm" c="dimmed">
            {t('prioritise.custom.notSetUp')}
          </Text>
        ) : (
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
            {framework === 'rice' && (
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" component="label" htmlFor={`reach-source-${feature.id}`}>
                  {labels.field('rice', 'reachSource')}
                </Text>
                <select
                  id={`reach-source-${feature.id}`}
                  className={scoreClasses.select}
                  data-size="md"
                  value={scores.rice.reachSource}
                  disabled={!canWrite}
                  onChange={(e) => edit({ rice: { reachSource: e.currentTarget.value as ReachSource } })}
                >
                  {REACH_SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {labels.reachSource(s)}
                    </option>
                  ))}
                </select>
              </Stack>
            )}
            {framework === 'rice' && scores.rice.reachSource !== 'manual' && (
              <Stack gap={4}>
                <Tooltip label={labels.fieldHelp('rice', 'reachWindowDays')} multiline w={260} withinPortal openDelay={400}>
                  <Text size="xs" fw={600} c="dimmed" component="label" htmlFor={`reach-window-${feature.id}`}>
                    {labels.field('rice', 'reachWindowDays')}
                  </Text>
                </Tooltip>
                <select
                  id={`reach-window-${feature.id}`}
                  className={scoreClasses.select}
                  data-size="md"
                  data-testid="reach-window"
                  value={scores.rice.reachWindowDays === null ? '' : String(scores.rice.reachWindowDays)}
                  disabled={!canWrite}
                  onChange={(e) => edit({ rice: { reachWindowDays: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) } })}
                >
                  <option value="">{t('prioritise.reachWindow.all')}</option>
                  {[
                    ...REACH_WINDOW_PRESETS,
                    ...(scores.rice.reachWindowDays !== null &&
                    !(REACH_WINDOW_PRESETS as readonly number[]).includes(scores.rice.reachWindowDays)
                      ? [scores.rice.reachWindowDays]
                      : []),
                  ].map((d) => (
                    <option key={d} value={String(d)}>
                      {t('prioritise.reachWindow.last', { count: d })}
                    </option>
                  ))}
                </select>
              </Stack>
            )}
            {fields.map((spec) => {
              const id = `score-${feature.id}-${spec.name}`;
              const derived = framework === 'rice' && spec.name === 'reach' && scores.rice.reachSource !== 'manual';
              const name = framework === 'custom' ? spec.label : labels.field(framework, spec.name);
              return (
                <Stack key={spec.name} gap={4}>
                  <Tooltip
                    label={framework === 'custom' ? spec.description : labels.fieldHelp(framework, spec.name, spec.description)}
                    multiline
                    w={260}
                    withinPortal
                    openDelay={400}
                  >
                    <Text size="xs" fw={600} c="dimmed" component="label" htmlFor={id}>
                      {name}
                    </Text>
                  </Tooltip>
                  {derived ? (
                    <Stack gap={0}>
                      <Text
                        size="sm"
                        fw={600}
                        py={6}
                        data-testid="card-reach"
                        title={t(`prioritise.reachSourceHint.${scores.rice.reachSource}`, { count: scores.rice.reach ?? 0 })}
                      >
                        {scores.rice.reach === null ? '…' : labels.number(scores.rice.reach, 0)}{' '}
                        <Text span size="xs" c="dimmed">
                          ({t('prioritise.derived')})
                        </Text>
                      </Text>
                      <Text size="xs" c="dimmed" data-testid="card-reach-window">
                        {reachWindowText(scores.rice, labels, t as unknown as Parameters<typeof reachWindowText>[2])}
                      </Text>
                    </Stack>
                  ) : (
                    <ScoreField
                      id={id}
                      framework={framework}
                      spec={spec}
                      value={fieldValue(framework, scores, spec.name)}
                      labels={labels}
                      onChange={onChange}
                      disabled={!canWrite}
                      ariaLabel={name}
                      missingLabel={t('prioritise.missing')}
                      size="md"
                    />
                  )}
                </Stack>
              );
            })}
            {framework === 'kano' && (
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed">
                  {labels.field('kano', 'answers')}
                </Text>
                <Button variant="default" size="sm" onClick={() => setSurvey(true)}>
                  {scores.kano.respondents > 0 ? t('prioritise.surveyCount', { count: scores.kano.respondents }) : t('prioritise.survey')}
                </Button>
              </Stack>
            )}
          </SimpleGrid>
        )}
        {framework === 'kano' && scores.kano.better !== null && scores.kano.worse !== null && (
          <Text size="xs" c="dimmed">
            {t('prioritise.betterWorse', { better: labels.number(scores.kano.better, 2), worse: labels.number(scores.kano.worse, 2) })}
          </Text>
        )}
        {status?.state === 'invalid' && (
          <Text size="xs" className={scoreClasses.errorText}>
            {t('prioritise.save.invalid', { message: (status.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ') })}
          </Text>
        )}
        {status?.state === 'error' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} aria-hidden />}>
            <Group justify="space-between">
              <Text size="sm">{errorMessage(status.error)}</Text>
              <Button size="xs" variant="white" color="red" onClick={() => store.retry(feature.id)}>
                {t('prioritise.save.retry')}
              </Button>
            </Group>
          </Alert>
        )}
        {status?.state === 'conflict' && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconGitMerge size={16} aria-hidden />}
            title={t('prioritise.save.conflictTitle')}
            data-testid="score-conflict"
          >
            <Group gap="xs">
              <Button size="xs" color="orange" onClick={() => store.keepMine(feature.id)}>
                {t('prioritise.save.keepMine')}
              </Button>
              <Button size="xs" variant="white" color="orange" onClick={() => store.takeTheirs(feature.id)}>
                {t('prioritise.save.takeTheirs')}
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="space-between">
          {!more && own.length < 7 ? (
            <Button variant="subtle" size="xs" px={0} onClick={() => setMore(true)}>
              {t('prioritise.card.otherFrameworks')}
            </Button>
          ) : (
            <span />
          )}
          <ButtonLink
            to="/w/$workspace/prioritise"
            params={{ workspace }}
            search={{ framework, ...(feature.productId && { product: feature.productId }) }}
            variant="subtle"
            size="xs"
            leftSection={<IconSortDescendingNumbers size={14} aria-hidden />}
          >
            {t('prioritise.card.ranked')}
          </ButtonLink>
        </Group>
      </Stack>
      <Drawer
        opened={explaining}
        onClose={() => setExplaining(false)}
        position="right"
        size="md"
        title={<Text fw={650} lineClamp={2}>{`${t('prioritise.explanation.title')} — ${feature.title}`}</Text>}
      >
        <ExplanationPanel
          workspace={workspace}
          feature={feature}
          framework={framework}
          scores={scores}
          draft={draft}
          settings={settings}
          labels={labels}
        />
      </Drawer>
      <KanoSurveyDrawer
        opened={survey}
        onClose={() => setSurvey(false)}
        title={feature.title}
        scores={scores}
        labels={labels}
        canWrite={canWrite}
        onSave={(kano) => edit({ kano })}
      />
    </Card>
  );
}

function SaveState({ state }: { state: string | undefined }) {
  const { t } = useTranslation();
  if (state === 'saving' || state === 'dirty') return <Loader size={14} aria-label={t('prioritise.save.saving')} />;
  if (state === 'saved')
    return (
      <Group gap={4} c="teal">
        <IconCheck size={14} aria-hidden />
        <Text size="xs">{t('prioritise.save.saved')}</Text>
      </Group>
    );
  return null;
}
