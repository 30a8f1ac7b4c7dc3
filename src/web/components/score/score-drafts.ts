import { useEffect, useState, useSyncExternalStore } from 'react';
import { type ScoresPatch, type ScoringSettings, validateScoreInputs } from '../../../domain/scoring/feature-scores.js';
import type { FieldError } from '../../../domain/scoring/index.js';
import { isApiError } from '../../api/client.js';
import type { FeatureDto } from '../../api/discovery.js';

export type SaveState = 'dirty' | 'saving' | 'saved' | 'invalid' | 'error' | 'conflict';

export interface RowStatus {
  state: SaveState;
  /** Why the inputs cannot be saved (invalid) — the domain's field errors. */
  errors?: FieldError[];
  /** What went wrong (error). */
  error?: unknown;
  /** The feature as someone else saved it (conflict). */
  current?: FeatureDto;
}

export interface DraftSnapshot {
  drafts: ReadonlyMap<string, ScoresPatch>;
  status: ReadonlyMap<string, RowStatus>;
}

export interface ScoreDraftOptions {
  save: (id: string, version: number, patch: ScoresPatch) => Promise<FeatureDto>;
  /** A fresh copy of the feature from the server (saved, or theirs after a conflict). */
  onSaved: (feature: FeatureDto) => void;
  settings: () => ScoringSettings;
  /** Quiet time after the last keystroke before saving. */
  delay?: number;
}

type Inputs = Record<string, unknown>;

function mergeFramework(key: string, current: unknown, patch: unknown): unknown {
  if (patch === null) return null;
  if (current === null || current === undefined || typeof current !== 'object') return patch;
  const out: Inputs = { ...(current as Inputs) };
  for (const [name, value] of Object.entries(patch as Inputs)) {
    if (key === 'custom' && name === 'values' && value && typeof value === 'object' && out.values && typeof out.values === 'object') {
      out.values = { ...(out.values as Inputs), ...(value as Inputs) };
    } else if (key === 'kano' && name === 'addAnswers' && Array.isArray(value) && Array.isArray(out.addAnswers)) {
      // Answers added in two edits are both appended, in order.
      out.addAnswers = [...out.addAnswers, ...value];
    } else if (key === 'kano' && name === 'answers') {
      // New answers replace the survey, including answers appended before them.
      out.answers = value;
      delete out.addAnswers;
    } else out[name] = value;
  }
  return out;
}

/** Adds an edit to a pending patch: later values win, field by field. */
export function mergePatch(draft: ScoresPatch | undefined, patch: ScoresPatch): ScoresPatch {
  const out: Inputs = { ...(draft ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = mergeFramework(key, out[key], value);
  }
  return out as ScoresPatch;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** What is still unsaved once `sent` was saved: the fields typed again since. */
export function remainder(draft: ScoresPatch, sent: ScoresPatch): ScoresPatch | undefined {
  const out: Inputs = {};
  for (const [key, value] of Object.entries(draft as Inputs)) {
    const was = (sent as Inputs)[key];
    if (same(value, was)) continue;
    if (value === null || was === null || was === undefined || typeof value !== 'object') {
      out[key] = value;
      continue;
    }
    const rest: Inputs = {};
    for (const [name, v] of Object.entries(value as Inputs)) {
      const sentValue = (was as Inputs)[name];
      if (key === 'custom' && name === 'values' && v && typeof v === 'object' && sentValue && typeof sentValue === 'object') {
        const values: Inputs = {};
        for (const [driver, x] of Object.entries(v as Inputs)) if (!same(x, (sentValue as Inputs)[driver])) values[driver] = x;
        if (Object.keys(values).length > 0) rest.values = values;
      } else if (
        key === 'kano' &&
        name === 'addAnswers' &&
        Array.isArray(v) &&
        Array.isArray(sentValue) &&
        same(v.slice(0, sentValue.length), sentValue)
      ) {
        // Appended while the first ones were being saved: only those are still to send.
        if (v.length > sentValue.length) rest.addAnswers = v.slice(sentValue.length);
      } else if (!same(v, sentValue)) rest[name] = v;
    }
    if (Object.keys(rest).length > 0) out[key] = rest;
  }
  return Object.keys(out).length > 0 ? (out as ScoresPatch) : undefined;
}

/**
 * Score edits that are typed but not saved yet, per feature, and how their save is going.
 * Each keystroke updates the draft at once (the screen re-scores from it); the save goes a
 * moment after the last keystroke, with the version the edit started from. A refusal for a
 * stale version is kept as a conflict for the person to settle — nothing is overwritten
 * silently — and a value the domain refuses is not sent at all.
 */
export class ScoreDrafts {
  private drafts = new Map<string, ScoresPatch>();
  private status = new Map<string, RowStatus>();
  private versions = new Map<string, number>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private inflight = new Set<string>();
  private listeners = new Set<() => void>();
  private snapshot: DraftSnapshot = { drafts: this.drafts, status: this.status };

  constructor(private readonly options: ScoreDraftOptions) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DraftSnapshot => this.snapshot;

  private publish() {
    this.snapshot = { drafts: new Map(this.drafts), status: new Map(this.status) };
    for (const listener of this.listeners) listener();
  }

  private setStatus(id: string, status: RowStatus | null) {
    if (status) this.status.set(id, status);
    else this.status.delete(id);
  }

  /** A change typed on a feature: kept at once, saved after a pause. */
  edit(feature: FeatureDto, patch: ScoresPatch) {
    const id = feature.id;
    if (!this.drafts.has(id) && !this.inflight.has(id) && this.status.get(id)?.state !== 'conflict') this.versions.set(id, feature.version);
    this.drafts.set(id, mergePatch(this.drafts.get(id), patch));
    const current = this.status.get(id)?.state;
    if (current !== 'conflict') {
      const errors = validateScoreInputs(this.drafts.get(id), this.options.settings());
      this.setStatus(id, errors.length > 0 ? { state: 'invalid', errors } : { state: this.inflight.has(id) ? 'saving' : 'dirty' });
      if (errors.length === 0) this.schedule(id);
      else this.cancel(id);
    }
    this.publish();
  }

  private cancel(id: string) {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  private schedule(id: string) {
    this.cancel(id);
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        void this.flush(id);
      }, this.options.delay ?? 600),
    );
  }

  /** Saves a feature's pending edit now (e.g. on blur or Enter). */
  async flush(id: string): Promise<void> {
    this.cancel(id);
    const draft = this.drafts.get(id);
    if (!draft || this.inflight.has(id)) return;
    const status = this.status.get(id)?.state;
    if (status === 'invalid' || status === 'conflict') return;
    const version = this.versions.get(id);
    if (version === undefined) return;
    this.inflight.add(id);
    this.setStatus(id, { state: 'saving' });
    this.publish();
    try {
      const saved = await this.options.save(id, version, draft);
      this.inflight.delete(id);
      this.versions.set(id, saved.version);
      const rest = remainder(this.drafts.get(id) ?? draft, draft);
      if (rest) this.drafts.set(id, rest);
      else this.drafts.delete(id);
      this.options.onSaved(saved);
      this.setStatus(id, { state: rest ? 'dirty' : 'saved' });
      this.publish();
      if (rest) this.schedule(id);
      else
        setTimeout(() => {
          if (this.status.get(id)?.state === 'saved') {
            this.setStatus(id, null);
            this.publish();
          }
        }, 2500);
    } catch (error) {
      this.inflight.delete(id);
      if (isApiError(error, 'version_conflict') && error.current) {
        this.setStatus(id, { state: 'conflict', current: error.current as FeatureDto });
      } else if (isApiError(error, 'validation_failed')) {
        this.setStatus(id, {
          state: 'invalid',
          errors: (error.errors ?? []).map((e) => ({ field: e.path.replace(/^body\.scores\./, ''), message: e.message })),
          error,
        });
      } else this.setStatus(id, { state: 'error', error });
      this.publish();
    }
  }

  /** After a conflict: my values over theirs, saved on their version. */
  keepMine(id: string) {
    const current = this.status.get(id)?.current;
    if (!current) return;
    this.versions.set(id, current.version);
    this.options.onSaved(current);
    this.setStatus(id, { state: 'dirty' });
    this.publish();
    void this.flush(id);
  }

  /** After a conflict: drop my edit and show theirs. */
  takeTheirs(id: string) {
    const current = this.status.get(id)?.current;
    this.discard(id);
    if (current) this.options.onSaved(current);
  }

  retry(id: string) {
    this.setStatus(id, { state: 'dirty' });
    this.publish();
    void this.flush(id);
  }

  discard(id: string) {
    this.cancel(id);
    this.drafts.delete(id);
    this.setStatus(id, null);
    this.versions.delete(id);
    this.publish();
  }

  /** Leaving the screen: what is waiting is saved now rather than lost. */
  dispose() {
    for (const id of [...this.timers.keys()]) void this.flush(id);
  }
}

/** One draft store per screen, saving through `options` (read at call time, so they may change). */
export function useScoreDrafts(options: ScoreDraftOptions): { store: ScoreDrafts; snapshot: DraftSnapshot } {
  const [ref] = useState(() => ({ options }));
  ref.options = options;
  const [store] = useState(
    () =>
      new ScoreDrafts({
        save: (...args) => ref.options.save(...args),
        onSaved: (feature) => ref.options.onSaved(feature),
        settings: () => ref.options.settings(),
        ...(options.delay !== undefined && { delay: options.delay }),
      }),
  );
  useEffect(() => () => store.dispose(), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, snapshot };
}
