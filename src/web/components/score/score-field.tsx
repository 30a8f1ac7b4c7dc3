import { memo, useEffect, useState } from 'react';
import { checkField, type FieldSpec, type FrameworkKey } from '../../../domain/scoring/index.js';
import type { ScoreLabels } from './labels.js';
import { fractionFromPercent, PERCENT_MAX, PERCENT_MIN, percentText } from './percent.js';
import classes from './score.module.css';

export type ScoreValue = number | string | null;

/**
 * How a field is typed in: choices as a select; RICE confidence as a percentage (1–100, the
 * API carries the fraction: 80 → 0.8) with its suggested levels (100 %, 80 %, 50 %) one
 * click away; other numbers as a number field with the spec's bounds.
 */
export function inputMode(framework: FrameworkKey, spec: FieldSpec): 'select' | 'percent' | 'number' {
  if (spec.kind === 'choice' || spec.allowed) return 'select';
  if (framework === 'rice' && spec.name === 'confidence' && spec.suggested) return 'percent';
  return 'number';
}

/** What a typed text means: a number, nothing (missing), or not a number yet. */
export function parseTyped(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : 'invalid';
}

const shown = (value: ScoreValue) => (value === null || value === undefined ? '' : String(value));

export interface ScoreFieldProps {
  framework: FrameworkKey;
  spec: FieldSpec;
  value: ScoreValue;
  labels: ScoreLabels;
  /** Called with the new value (null = cleared). */
  onChange: (framework: FrameworkKey, field: string, value: ScoreValue) => void;
  disabled?: boolean;
  /** Accessible name, e.g. "Reach — Export to PDF". */
  ariaLabel: string;
  missingLabel: string;
  /** Marks the input so focus can be found again after its row moves. */
  editKey?: string;
  size?: 'sm' | 'md';
  /** For a <label htmlFor> outside the field. */
  id?: string;
}

/**
 * One input of a framework, drawn from its FieldSpec. An empty input is "missing" (never 0)
 * and says so; a value the domain refuses is marked invalid with the domain's reason.
 * Plain elements, so a screenful of rows renders within a frame.
 */
export const ScoreField = memo(function ScoreField({
  framework,
  spec,
  value,
  labels,
  onChange,
  disabled,
  ariaLabel,
  missingLabel,
  editKey,
  size = 'sm',
  id,
}: ScoreFieldProps) {
  const mode = inputMode(framework, spec);
  const percent = mode === 'percent';
  const toText = percent ? percentText : shown;
  const fromText = percent ? fractionFromPercent : parseTyped;
  const [text, setText] = useState(() => toText(value as number | null));
  // Follow the value from outside (a save, someone else's change) unless it is what is typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the conversions follow the mode, fixed per field
  useEffect(() => {
    setText((current) => {
      const parsed = fromText(current);
      return parsed === value || (parsed === null && (value === null || value === undefined)) ? current : toText(value as number | null);
    });
  }, [value]);

  const empty = value === null || value === undefined;
  const missing = empty && spec.required;
  const problem = empty ? null : checkField(spec, value);
  // A percentage out of 1–100 is not sent; the field says why (a stored value is shown as it is).
  const typedProblem = percent && fromText(text) === 'invalid' && text !== toText(value as number | null) ? labels.percentRange : null;
  const invalid = Boolean(problem || typedProblem);
  const common = {
    id,
    'aria-label': ariaLabel,
    'aria-invalid': invalid ? true : undefined,
    'data-missing': missing || undefined,
    'data-invalid': invalid || undefined,
    'data-size': size,
    'data-edit': editKey,
    'data-field': spec.name,
    title: typedProblem
      ? `${labels.field(framework, spec.name)}: ${typedProblem}`
      : problem
        ? `${labels.field(framework, spec.name)}: ${problem}`
        : missing
          ? missingLabel
          : undefined,
    disabled,
  };

  if (mode === 'select') {
    const listed = spec.allowed ?? [];
    // A value set through the API off the listed choices is still shown as it is.
    const choices =
      typeof value === 'number' && !listed.some((c) => c.value === value) ? [...listed, { value, label: String(value) }] : listed;
    return (
      <select
        {...common}
        className={classes.select}
        value={shown(value)}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          const choice = choices.find((c) => String(c.value) === raw);
          onChange(framework, spec.name, choice ? choice.value : null);
        }}
      >
        <option value="">{missing ? missingLabel : '—'}</option>
        {choices.map((c) => (
          <option key={String(c.value)} value={String(c.value)}>
            {labels.choice(framework, spec.name, c.value, c.label)}
          </option>
        ))}
      </select>
    );
  }

  const commit = (next: string) => {
    setText(next);
    const parsed = fromText(next);
    if (parsed !== 'invalid') onChange(framework, spec.name, parsed);
  };
  const input = (
    <input
      {...common}
      className={classes.number}
      data-percent={percent || undefined}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      placeholder={missing ? missingLabel : '—'}
      value={text}
      onChange={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        // Arrow keys step like a number field, within the spec's bounds (in percent: 5 points, from 1 to 100).
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        const unit = percent ? 100 : 1;
        const step = (spec.step ?? 1) * unit * (e.shiftKey ? 10 : 1);
        const min = percent ? PERCENT_MIN : spec.min;
        const max = percent ? PERCENT_MAX : spec.max;
        const typed = parseTyped(text.replace(/\s*%$/, ''));
        const current = typeof typed === 'number' ? typed : null;
        let next =
          current !== null
            ? current + (e.key === 'ArrowUp' ? step : -step)
            : percent
              ? PERCENT_MAX
              : (spec.min ?? 0) + (spec.minExclusive ? step : 0);
        next = Number(next.toPrecision(12));
        if (max !== undefined) next = Math.min(max, next);
        if (min !== undefined && (!percent && spec.minExclusive ? next <= min : next < min)) next = percent ? min : (current ?? min);
        commit(String(next));
      }}
    />
  );
  if (!percent) return input;

  // The suggested levels: one click in a card; a compact menu in a table row.
  const suggested = spec.suggested ?? [];
  const level = (v: number) => `${labels.percent(v)} · ${labels.choice(framework, spec.name, v, '')}`.replace(/ · $/, '');
  return (
    <span className={classes.percent} data-size={size}>
      <span className={classes.percentInput}>
        {input}
        <span className={classes.percentSign} aria-hidden>
          %
        </span>
      </span>
      {size === 'md' ? (
        <fieldset className={classes.presets} aria-label={labels.presets(labels.field(framework, spec.name))}>
          {suggested.map((c) => (
            <button
              key={String(c.value)}
              type="button"
              className={classes.preset}
              aria-pressed={value === c.value}
              title={labels.choice(framework, spec.name, c.value, c.label)}
              disabled={disabled}
              data-preset={String(c.value)}
              onClick={() => {
                setText(percentText(Number(c.value)));
                onChange(framework, spec.name, Number(c.value));
              }}
            >
              {labels.percent(Number(c.value))}
            </button>
          ))}
        </fieldset>
      ) : (
        <select
          className={classes.presetMenu}
          aria-label={`${labels.presets(labels.field(framework, spec.name))} — ${ariaLabel}`}
          value=""
          disabled={disabled}
          data-presets={spec.name}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            if (!Number.isFinite(v) || e.currentTarget.value === '') return;
            setText(percentText(v));
            onChange(framework, spec.name, v);
          }}
        >
          <option value="" disabled hidden>
            {labels.presets(labels.field(framework, spec.name))}
          </option>
          {suggested.map((c) => (
            <option key={String(c.value)} value={String(c.value)}>
              {level(Number(c.value))}
            </option>
          ))}
        </select>
      )}
    </span>
  );
});
