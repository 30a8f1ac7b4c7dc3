/**
 * The catalogue of scoring frameworks, so the UI can render any framework's inputs from data
 * (the same FieldSpecs the compute functions validate against, so the two cannot drift).
 */
import { EVIDENCE_FIELDS } from './custom.js';
import { ICE_FIELDS, ICE_VARIANTS } from './ice.js';
import { KANO_FIELDS } from './kano.js';
import { MOSCOW_FIELDS, MOSCOW_GUIDANCE } from './moscow.js';
import type { FieldSpec, FrameworkKey } from './result.js';
import { RICE_FIELDS } from './rice.js';
import { DEFAULT_MIDPOINT, VALUE_EFFORT_FIELDS } from './value-effort.js';
import { WSJF_FIELDS } from './wsjf.js';

export interface FrameworkSetting {
  name: string;
  description: string;
  default: string | number;
  allowed?: readonly (string | number)[];
}

export interface FrameworkInfo {
  key: FrameworkKey;
  name: string;
  description: string;
  /** 'number': a score to rank by (higher first); 'category': a label with a priority order. */
  result: 'number' | 'category';
  formula: string;
  fields: readonly FieldSpec[];
  /** Workspace-level settings for the framework. */
  settings: readonly FrameworkSetting[];
  /** For custom scores the driver fields come from the workspace (see customFieldSpecs). */
  dynamicFields?: boolean;
  guidance?: string;
}

export const FRAMEWORKS: readonly FrameworkInfo[] = [
  {
    key: 'rice',
    name: 'RICE',
    description: 'Reach, Impact, Confidence and Effort: how much value per person-month, discounted by how sure you are.',
    result: 'number',
    formula: 'Reach × Impact × Confidence ÷ Effort',
    fields: RICE_FIELDS,
    settings: [],
  },
  {
    key: 'ice',
    name: 'ICE',
    description: 'Impact, Confidence and Ease, each scored 1–10: a quick gut-check score.',
    result: 'number',
    formula: 'Impact × Confidence × Ease (or their average)',
    fields: ICE_FIELDS,
    settings: [
      {
        name: 'variant',
        description: "'product' multiplies the three (1–1000); 'average' takes their mean (1–10).",
        default: 'product',
        allowed: ICE_VARIANTS,
      },
    ],
  },
  {
    key: 'wsjf',
    name: 'WSJF',
    description: 'Weighted Shortest Job First: do first what costs most to delay for its size.',
    result: 'number',
    formula: '(Business value + Time criticality + Risk reduction) ÷ Job size',
    fields: WSJF_FIELDS,
    settings: [],
  },
  {
    key: 'moscow',
    name: 'MoSCoW',
    description: "Must, Should, Could or Won't have this time, with a check that Must-haves leave room for the unexpected.",
    result: 'category',
    formula: 'Must > Should > Could > Won’t',
    fields: MOSCOW_FIELDS,
    settings: [{ name: 'limit', description: 'Warn when Must-haves exceed this share of planned effort.', default: 0.6 }],
    guidance: MOSCOW_GUIDANCE,
  },
  {
    key: 'kano',
    name: 'Kano',
    description:
      'How a feature affects satisfaction: basic expectation, performance, delighter, or indifferent — by hand or from a survey.',
    result: 'category',
    formula: 'Most frequent answer category; Better = (A+O)/(A+O+M+I), Worse = −(O+M)/(A+O+M+I)',
    fields: KANO_FIELDS,
    settings: [],
  },
  {
    key: 'valueEffort',
    name: 'Value vs effort',
    description: 'A 2×2 of value against effort: quick wins, big bets, fill-ins and time sinks.',
    result: 'number',
    formula: 'Value ÷ Effort',
    fields: VALUE_EFFORT_FIELDS,
    settings: [{ name: 'midpoint', description: 'Where "high" starts on both axes (1–10).', default: DEFAULT_MIDPOINT }],
  },
  {
    key: 'custom',
    name: 'Custom score',
    description: "Your workspace's own drivers and weights, combined by a formula you write.",
    result: 'number',
    formula: 'Σ weight × driver, or the workspace formula',
    fields: EVIDENCE_FIELDS,
    settings: [
      { name: 'drivers', description: 'Named inputs with a scale (min, max) and a weight.', default: '[]' },
      { name: 'formula', description: 'Optional formula; empty means the weighted sum of the drivers.', default: '' },
    ],
    dynamicFields: true,
  },
];

export function frameworkInfo(key: FrameworkKey): FrameworkInfo {
  return FRAMEWORKS.find((f) => f.key === key)!;
}
