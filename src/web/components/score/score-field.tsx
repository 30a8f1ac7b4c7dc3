import { memo, useEffect, useState } from 'react';
import { checkField, type FieldSpec, type FrameworkKey } from '../../../domain/scoring/index.js';
import type { ScoreLabels } from './labels.js';
import classes from './score.module.css';

export type ScoreValue = number | string | null;

/**
 * How a field is typed in: choices as a select; RICE confidence as a select of Intercom's
 * levels shown in percent (100 %, 80 %, 50 %) while the API carries 1, 0.8, 0.5; other
 * numbers as a number field with the spec's bounds.
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
  const [text, setText] = useState(() => shown(value));
  // Follow the value from outside (a save, someone else's change) unless it is what is typed.
  useEffect(() => {
    setText((current) => {
      const parsed = parseTyped(current);
      return parsed === value || (parsed === null && (value === null || value === undefined)) ? current : shown(value);
    });
  }, [value]);

  const empty = value === null || value === undefined;
  const missing = empty && spec.required;
  const problem = empty ? null : checkField(spec, value);
  const common = {
    id,
    'aria-label': ariaLabel,
    'aria-invalid': problem ? true : undefined,
    'data-missing': missing || undefined,
    'data-invalid': problem ? true : undefined,
    'data-size': size,
    'data-edit': editKey,
    'data-field': spec.name,
    title: problem ? `${labels.field(framework, spec.name)}: ${problem}` : missing ? missingLabel : undefined,
    disabled,
  };

  if (mode !== 'number') {
    const listed = (mode === 'percent' ? spec.suggested : spec.allowed) ?? [];
    // A value set through the API off the usual levels (say 65 %) is still shown as it is.
    const choices =
      typeof value === 'number' && !listed.some((c) => c.value === value)
        ? [...listed, { value, label: mode === 'percent' ? labels.percent(value) : String(value) }]
        : listed;
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
            {mode === 'percent' ? labels.percent(Number(c.value)) : labels.choice(framework, spec.name, c.value, c.label)}
          </option>
        ))}
      </select>
    );
  }

  const commit = (next: string) => {
    setText(next);
    const parsed = parseTyped(next);
    if (parsed !== 'invalid') onChange(framework, spec.name, parsed);
  };
  return (
    <input
      {...common}
      className={classes.number}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      placeholder={missing ? missingLabel : '—'}
      value={text}
      onChange={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        // Arrow keys step like a number field, within the spec's bounds.
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        const step = (spec.step ?? 1) * (e.shiftKey ? 10 : 1);
        const current = parseTyped(text);
        let next =
          typeof current === 'number' ? current + (e.key === 'ArrowUp' ? step : -step) : (spec.min ?? 0) + (spec.minExclusive ? step : 0);
        next = Number(next.toPrecision(12));
        if (spec.max !== undefined) next = Math.min(spec.max, next);
        if (spec.min !== undefined && (spec.minExclusive ? next <= spec.min : next < spec.min))
          next = typeof current === 'number' ? current : spec.min;
        commit(String(next));
      }}
    />
  );
});
