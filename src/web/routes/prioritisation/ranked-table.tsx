// biome-ignore-all lint/a11y/useSemanticElements: a windowed table places rows absolutely, which <table> layout cannot do; ARIA table roles keep its semantics
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers are not focus stops; their inputs, links and buttons are
import { Loader, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconGitMerge, IconInfoCircle, IconPointFilled } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { forwardRef, memo, type ReactNode, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureScores, ScoresPatch, ScoringSettings } from '../../../domain/scoring/feature-scores.js';
import { type FieldSpec, type FrameworkKey, REACH_SOURCES, type ReachSource } from '../../../domain/scoring/index.js';
import type { FeatureDto } from '../../api/discovery.js';
import { editableFields, evidenceRead, fieldValue, patchFor, scoreView } from '../../components/score/frameworks.js';
import type { ScoreLabels } from '../../components/score/labels.js';
import { reachWindowText } from '../../components/score/reach-window.js';
import scoreClasses from '../../components/score/score.module.css';
import type { RowStatus } from '../../components/score/score-drafts.js';
import { ScoreField, type ScoreValue } from '../../components/score/score-field.js';
import { useWindowedRows } from '../../components/use-windowed-rows.js';
import classes from './prioritisation.module.css';
import type { RankedRow } from './ranking.js';

export const ROW_HEIGHT = 52;

export interface RankedTableHandle {
  /** Scrolls row `index` into view. */
  reveal: (index: number) => void;
}

export interface RankedTableProps {
  workspace: string;
  rows: readonly RankedRow[];
  framework: FrameworkKey;
  settings: ScoringSettings;
  labels: ScoreLabels;
  canWrite: boolean;
  status: ReadonlyMap<string, RowStatus>;
  selected: ReadonlySet<string>;
  focusedId: string | null;
  /** The input being typed in ("featureId:field"), kept in the page and focused while its row moves. */
  editing: string | null;
  onEdit: (feature: FeatureDto, patch: ScoresPatch, editKey: string) => void;
  onFlush: (id: string) => void;
  onExplain: (id: string) => void;
  onToggle: (id: string) => void;
  onFocusRow: (id: string) => void;
  onSurvey: (id: string) => void;
  onRetry: (id: string) => void;
}

interface Column {
  key: string;
  header: string;
  help?: string;
  width: string;
  align?: 'right';
  cell: (ctx: CellContext) => ReactNode;
}

interface CellContext {
  feature: FeatureDto;
  scores: FeatureScores;
  canWrite: boolean;
  labels: ScoreLabels;
  onChange: (framework: FrameworkKey, field: string, value: ScoreValue) => void;
  onSurvey: () => void;
  missingLabel: string;
}

/** `t` for keys built at run time (the typed one only takes literal keys). */
type T = (key: string, options?: Record<string, unknown>) => string;

/** A column's name: the domain's field, translated; a custom driver's own label. */
function nameOf(framework: FrameworkKey, spec: FieldSpec, labels: ScoreLabels): string {
  return framework === 'custom' ? spec.label : labels.field(framework, spec.name);
}

function fieldColumn(framework: FrameworkKey, spec: FieldSpec, labels: ScoreLabels, width = '112px'): Column {
  const name = nameOf(framework, spec, labels);
  return {
    key: spec.name,
    header: name,
    help: framework === 'custom' ? spec.description : labels.fieldHelp(framework, spec.name, spec.description),
    width,
    align: 'right',
    cell: ({ feature, scores, canWrite, onChange, missingLabel }) => (
      <ScoreField
        framework={framework}
        spec={spec}
        value={fieldValue(framework, scores, spec.name)}
        labels={labels}
        onChange={onChange}
        disabled={!canWrite}
        ariaLabel={`${name} — ${feature.title}`}
        missingLabel={missingLabel}
        editKey={`${feature.id}:${spec.name}`}
      />
    ),
  };
}

/** The framework's columns, from its FieldSpecs (and the workspace's drivers for the custom score). */
function buildColumns(framework: FrameworkKey, settings: ScoringSettings, labels: ScoreLabels, t: T): Column[] {
  const fields = editableFields(framework, settings);
  switch (framework) {
    case 'rice':
      return fields.map((spec) =>
        spec.name === 'reach'
          ? {
              key: 'reach',
              header: labels.field('rice', 'reach'),
              help: labels.fieldHelp('rice', 'reach', spec.description),
              width: '204px',
              align: 'right' as const,
              cell: (ctx: CellContext) => <ReachCell ctx={ctx} spec={spec} t={t} />,
            }
          : fieldColumn('rice', spec, labels, spec.name === 'impact' ? '136px' : '110px'),
      );
    case 'wsjf':
      return [
        ...fields.map((spec) => fieldColumn('wsjf', spec, labels, '110px')),
        {
          key: 'costOfDelay',
          header: labels.field('wsjf', 'costOfDelay'),
          width: '96px',
          align: 'right',
          cell: ({ scores }) => <span className={classes.computed}>{scores.wsjf.costOfDelay ?? '—'}</span>,
        },
      ];
    case 'moscow':
      return fields.map((spec) => fieldColumn('moscow', spec, labels, spec.name === 'category' ? '150px' : '104px'));
    case 'kano':
      return [
        fieldColumn('kano', fields[0]!, labels, '170px'),
        {
          key: 'survey',
          header: labels.field('kano', 'answers'),
          width: '200px',
          cell: ({ scores, onSurvey, canWrite }) => (
            <button type="button" className={classes.surveyButton} onClick={onSurvey} data-testid="kano-survey-button">
              {scores.kano.respondents > 0 ? (
                <>
                  <span>{t('prioritise.surveyCount', { count: scores.kano.respondents })}</span>
                  {scores.kano.better !== null && scores.kano.worse !== null && (
                    <span className={classes.betterWorse}>
                      {t('prioritise.betterWorse', {
                        better: labels.number(scores.kano.better, 2),
                        worse: labels.number(scores.kano.worse, 2),
                      })}
                    </span>
                  )}
                </>
              ) : (
                <span className={classes.dim}>{canWrite ? t('prioritise.kanoSurvey.add') : t('prioritise.kanoSurvey.none')}</span>
              )}
            </button>
          ),
        },
      ];
    case 'valueEffort':
      return [
        ...fields.map((spec) => fieldColumn('valueEffort', spec, labels, '104px')),
        {
          key: 'quadrant',
          header: labels.field('valueEffort', 'quadrant'),
          width: '132px',
          cell: ({ scores }) =>
            scores.valueEffort.quadrant ? (
              <span className={classes.quadrant} data-quadrant={scores.valueEffort.quadrant}>
                {labels.quadrant(scores.valueEffort.quadrant)}
              </span>
            ) : (
              <span className={classes.dim}>—</span>
            ),
        },
      ];
    case 'custom':
      return [
        ...fields.map((spec) => fieldColumn('custom', spec, labels, '104px')),
        // Evidence the formula reads, as counted now.
        ...evidenceRead(settings).map((name) => ({
          key: `evidence-${name}`,
          header: labels.field('custom', name),
          help: labels.fieldHelp('custom', name),
          width: '108px',
          align: 'right' as const,
          cell: ({ feature }: CellContext) => (
            <span className={classes.computed} title={labels.fieldHelp('custom', name)}>
              {name === 'insights'
                ? feature.insightCount
                : name === 'customers'
                  ? feature.customerCount
                  : labels.number(feature.evidenceRevenue ?? 0, 0)}
            </span>
          ),
        })),
      ];
    default:
      return fields.map((spec) => fieldColumn(framework, spec, labels, '110px'));
  }
}

/** RICE reach: typed, or read from the evidence (linked insights or distinct customers) — and the row says which. */
function ReachCell({ ctx, spec, t }: { ctx: CellContext; spec: FieldSpec; t: T }) {
  const { feature, scores, canWrite, labels, onChange, missingLabel } = ctx;
  const source = scores.rice.reachSource;
  return (
    <span className={classes.reach}>
      <select
        className={`${scoreClasses.select} ${classes.reachSource}`}
        value={source}
        aria-label={`${labels.field('rice', 'reachSource')} — ${feature.title}`}
        title={t(`prioritise.reachSourceHint.${source}`, {
          count: source === 'insights' ? feature.insightCount : feature.customerCount,
        })}
        disabled={!canWrite}
        data-edit={`${feature.id}:reachSource`}
        data-testid="reach-source"
        onChange={(e) => onChange('rice', 'reachSource', e.currentTarget.value as ReachSource)}
      >
        {REACH_SOURCES.map((s) => (
          <option key={s} value={s}>
            {labels.reachSource(s)}
          </option>
        ))}
      </select>
      {source === 'manual' ? (
        <ScoreField
          framework="rice"
          spec={spec}
          value={scores.rice.reach}
          labels={labels}
          onChange={onChange}
          disabled={!canWrite}
          ariaLabel={`${labels.field('rice', 'reach')} — ${feature.title}`}
          missingLabel={missingLabel}
          editKey={`${feature.id}:reach`}
        />
      ) : (
        <span
          className={classes.derived}
          data-testid="reach-derived"
          title={`${t('prioritise.derived')}: ${reachWindowText(scores.rice, labels, t)}`}
        >
          {scores.rice.reach === null ? '…' : labels.number(scores.rice.reach, 0)}
          {scores.rice.reachWindowDays !== null && (
            <span className={classes.reachWindow} data-testid="reach-window-short">
              {t('prioritise.reachWindow.short', { count: scores.rice.reachWindowDays })}
            </span>
          )}
        </span>
      )}
    </span>
  );
}

/**
 * The ranked features, windowed (only the rows in view are in the page) so a thousand rows
 * re-rank and re-render within a frame. Inputs are plain elements generated from the
 * domain's FieldSpecs.
 */
export const RankedTable = forwardRef<RankedTableHandle, RankedTableProps>(function RankedTable(props, ref) {
  const { rows, framework, settings, labels, canWrite, status, selected, focusedId, editing, workspace } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const { start, end, total, scrollToIndex } = useWindowedRows(scroller, rows.length, ROW_HEIGHT, 6);
  const columns = useMemo(() => buildColumns(framework, settings, labels, t as unknown as T), [framework, settings, labels, t]);
  const scoreWidth = framework === 'kano' ? 168 : framework === 'moscow' ? 132 : framework === 'ice' ? 150 : 112;
  const template = `36px 52px minmax(200px, 1fr) ${columns.map((c) => c.width).join(' ')} ${scoreWidth}px 32px`;
  // Narrow screens scroll the table sideways rather than squeezing the inputs.
  const minWidth =
    36 + 52 + 200 + columns.reduce((sum, c) => sum + Number.parseInt(c.width, 10), 0) + scoreWidth + 32 + 8 * (columns.length + 5) + 18;
  // As tall as its rows, up to most of the screen.
  const height = `min(70dvh, ${Math.max(200, 42 + rows.length * ROW_HEIGHT + 2)}px)`;
  const missingLabel = t('prioritise.missing');

  // Handlers keep their identity, so unchanged rows skip rendering.
  const handlers = useRef(props);
  handlers.current = props;
  const stable = useMemo(
    () => ({
      onEdit: (feature: FeatureDto, patch: ScoresPatch, key: string) => handlers.current.onEdit(feature, patch, key),
      onFlush: (id: string) => handlers.current.onFlush(id),
      onExplain: (id: string) => handlers.current.onExplain(id),
      onToggle: (id: string) => handlers.current.onToggle(id),
      onFocusRow: (id: string) => handlers.current.onFocusRow(id),
      onSurvey: (id: string) => handlers.current.onSurvey(id),
      onRetry: (id: string) => handlers.current.onRetry(id),
    }),
    [],
  );

  useImperativeHandle(ref, () => ({ reveal: (index: number) => scrollToIndex(index) }), [scrollToIndex]);

  // The row being typed in stays in the page and keeps the focus while it moves up or down.
  const editingId = editing?.split(':')[0] ?? null;
  const editingIndex = editingId ? rows.findIndex((r) => r.feature.id === editingId) : -1;
  useLayoutEffect(() => {
    if (!editing || editingIndex < 0) return;
    scrollToIndex(editingIndex);
    const input = scroller.current?.querySelector<HTMLElement>(`[data-edit="${editing}"]`);
    if (input && document.activeElement !== input && (document.activeElement === document.body || document.activeElement === null)) {
      input.focus({ preventScroll: true });
    }
  }, [editing, editingIndex, scrollToIndex]);

  const indices: number[] = [];
  for (let i = start; i < end; i += 1) indices.push(i);
  if (editingIndex >= 0 && (editingIndex < start || editingIndex >= end)) indices.push(editingIndex);

  return (
    <div className={classes.tableWrap} style={{ height }} data-testid="ranked-table">
      <div
        className={classes.tableInner}
        style={{ minWidth }}
        role="table"
        aria-rowcount={rows.length + 1}
        aria-label={t('prioritise.title')}
      >
        <HeaderRow columns={columns} template={template} framework={framework} iceVariant={settings.iceVariant} labels={labels} />
        <div ref={scroller} className={classes.scroll} data-testid="ranked-scroll">
          <div className={classes.rows} style={{ height: total }} role="rowgroup">
            {indices.map((index) => {
              const row = rows[index];
              if (!row) return null;
              return (
                <Row
                  key={row.feature.id}
                  index={index}
                  workspace={workspace}
                  feature={row.feature}
                  scores={row.scores}
                  rank={row.rank}
                  draft={row.draft}
                  framework={framework}
                  columns={columns}
                  template={template}
                  labels={labels}
                  canWrite={canWrite}
                  status={status.get(row.feature.id)}
                  selected={selected.has(row.feature.id)}
                  focused={focusedId === row.feature.id}
                  missingLabel={missingLabel}
                  handlers={stable}
                />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
});

/** The column names, with each input's meaning on hover (memoised: typing does not redraw it). */
const HeaderRow = memo(function HeaderRow({
  columns,
  template,
  framework,
  iceVariant,
  labels,
}: {
  columns: Column[];
  template: string;
  framework: FrameworkKey;
  iceVariant: ScoringSettings['iceVariant'];
  labels: ScoreLabels;
}) {
  const { t } = useTranslation();
  return (
    <div className={classes.headerRow} role="row" style={{ gridTemplateColumns: template }}>
      <span role="columnheader" className={classes.headerCell}>
        <span className={classes.visuallyHidden}>{t('prioritise.colSelect')}</span>
      </span>
      <span role="columnheader" className={classes.headerCell} data-align="right">
        {t('prioritise.colRank')}
      </span>
      <span role="columnheader" className={classes.headerCell}>
        {t('prioritise.colFeature')}
      </span>
      {columns.map((c) => (
        <span key={c.key} role="columnheader" className={classes.headerCell} data-align={c.align}>
          {c.help ? (
            <Tooltip label={c.help} multiline w={280} withinPortal openDelay={300}>
              <button type="button" className={classes.headerHelp}>
                {c.header}
                <IconInfoCircle size={12} aria-hidden />
              </button>
            </Tooltip>
          ) : (
            c.header
          )}
        </span>
      ))}
      <span role="columnheader" className={classes.headerCell} data-align="right">
        {framework === 'ice' ? (
          <Tooltip label={t(`prioritise.iceVariantHint.${iceVariant}`)} withinPortal>
            <button type="button" className={classes.headerHelp} data-testid="ice-variant-header">
              {t('prioritise.colScore')} · {labels.iceVariant(iceVariant)}
            </button>
          </Tooltip>
        ) : (
          t('prioritise.colScore')
        )}
      </span>
      <span role="columnheader" className={classes.headerCell}>
        <span className={classes.visuallyHidden}>{t('prioritise.save.saved')}</span>
      </span>
    </div>
  );
});

interface RowProps {
  index: number;
  workspace: string;
  feature: FeatureDto;
  scores: FeatureScores;
  rank: number | null;
  draft: boolean;
  framework: FrameworkKey;
  columns: Column[];
  template: string;
  labels: ScoreLabels;
  canWrite: boolean;
  status: RowStatus | undefined;
  selected: boolean;
  focused: boolean;
  missingLabel: string;
  handlers: {
    onEdit: (feature: FeatureDto, patch: ScoresPatch, key: string) => void;
    onFlush: (id: string) => void;
    onExplain: (id: string) => void;
    onToggle: (id: string) => void;
    onFocusRow: (id: string) => void;
    onSurvey: (id: string) => void;
    onRetry: (id: string) => void;
  };
}

const Row = memo(function Row({
  index,
  workspace,
  feature,
  scores,
  rank,
  draft,
  framework,
  columns,
  template,
  labels,
  canWrite,
  status,
  selected,
  focused,
  missingLabel,
  handlers,
}: RowProps) {
  const { t } = useTranslation();
  const onChange = useCallback(
    (fw: FrameworkKey, field: string, value: ScoreValue) => handlers.onEdit(feature, patchFor(fw, field, value), `${feature.id}:${field}`),
    [feature, handlers],
  );
  const onSurvey = useCallback(() => handlers.onSurvey(feature.id), [feature.id, handlers]);
  const view = scoreView(framework, scores, labels);
  const ctx: CellContext = { feature, scores, canWrite, labels, onChange, onSurvey, missingLabel };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={classes.row}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: template }}
      data-testid="ranked-row"
      data-feature={feature.id}
      data-rank={rank ?? ''}
      data-focused={focused || undefined}
      data-selected={selected || undefined}
      data-draft={draft || undefined}
      onPointerDown={() => handlers.onFocusRow(feature.id)}
      onFocus={() => handlers.onFocusRow(feature.id)}
      onBlur={(e) => {
        // Leaving the row's inputs saves what was typed right away.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) handlers.onFlush(feature.id);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') handlers.onFlush(feature.id);
        if (e.key === 'Escape' && (e.target as HTMLElement).tagName !== 'DIV') {
          (e.target as HTMLElement).blur();
          e.stopPropagation();
        }
      }}
    >
      <span role="cell" className={classes.cell}>
        <input
          type="checkbox"
          className={classes.checkbox}
          checked={selected}
          onChange={() => handlers.onToggle(feature.id)}
          aria-label={`${t('prioritise.colSelect')}: ${feature.title}`}
          tabIndex={-1}
          data-testid="compare-checkbox"
        />
      </span>
      <span role="cell" className={classes.rank} data-testid="rank">
        {rank ?? '—'}
      </span>
      <span role="cell" className={classes.titleCell}>
        <Link
          to="/w/$workspace/features/$featureId"
          params={{ workspace, featureId: feature.id }}
          className={classes.title}
          data-testid="feature-link"
          title={feature.title}
        >
          {feature.title}
        </Link>
      </span>
      {columns.map((c) => (
        <span key={c.key} role="cell" className={classes.cell} data-align={c.align} data-column={c.key}>
          {c.cell(ctx)}
        </span>
      ))}
      <span role="cell" className={classes.cell} data-align="right">
        <button
          type="button"
          className={scoreClasses.score}
          data-missing={view.value === null && !view.invalid ? true : undefined}
          data-invalid={view.invalid || undefined}
          data-testid="score"
          aria-label={`${t('prioritise.explain')}: ${feature.title}`}
          title={
            view.value === null && view.missing.length > 0
              ? t('prioritise.missingInputs', { fields: view.missing.map((m) => labels.field(framework, m)).join(', ') })
              : undefined
          }
          onClick={() => handlers.onExplain(feature.id)}
        >
          {view.value === null ? (view.invalid ? t('prioritise.invalid') : t('prioritise.notScored')) : view.text}
        </button>
      </span>
      <span role="cell" className={classes.cell}>
        <SaveStatus status={status} onRetry={() => handlers.onRetry(feature.id)} />
      </span>
    </div>
  );
});

function SaveStatus({ status, onRetry }: { status: RowStatus | undefined; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!status) return null;
  switch (status.state) {
    case 'dirty':
      return (
        <span className={classes.saveState} data-state="dirty" title={t('prioritise.save.dirty')} data-testid="save-state">
          <IconPointFilled size={14} aria-label={t('prioritise.save.dirty')} />
        </span>
      );
    case 'saving':
      return (
        <span className={classes.saveState} data-state="saving" data-testid="save-state">
          <Loader size={12} aria-label={t('prioritise.save.saving')} />
        </span>
      );
    case 'saved':
      return (
        <span className={classes.saveState} data-state="saved" data-testid="save-state">
          <IconCheck size={15} aria-label={t('prioritise.save.saved')} />
        </span>
      );
    case 'invalid':
      return (
        <span
          className={classes.saveState}
          data-state="invalid"
          data-testid="save-state"
          title={t('prioritise.save.invalid', { message: (status.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ') })}
        >
          <IconAlertTriangle
            size={15}
            aria-label={t('prioritise.save.invalid', { message: (status.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ') })}
          />
        </span>
      );
    case 'error':
      return (
        <button
          type="button"
          className={classes.saveState}
          data-state="error"
          data-testid="save-state"
          onClick={onRetry}
          title={t('prioritise.save.retry')}
        >
          <IconAlertTriangle size={15} aria-label={t('prioritise.save.error')} />
        </button>
      );
    case 'conflict':
      return (
        <span className={classes.saveState} data-state="conflict" data-testid="save-state" title={t('prioritise.save.conflictTitle')}>
          <IconGitMerge size={15} aria-label={t('prioritise.save.conflictTitle')} />
        </span>
      );
  }
}
