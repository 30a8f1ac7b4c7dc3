import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityDto } from '../../api/queries.js';
import { en } from '../../i18n/en.js';
import { fr } from '../../i18n/fr.js';
import { describeEntry } from './describe.js';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'en', resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });
});

function entry(partial: Partial<ActivityDto>): ActivityDto {
  return {
    seq: 1,
    entity: 'product',
    entityId: 'p1',
    action: 'updated',
    actor: null,
    at: '2026-01-01T00:00:00Z',
    changes: {},
    note: null,
    ...partial,
  };
}

describe('describeEntry', () => {
  it('says where a product moved, in each language', async () => {
    const moved = entry({ action: 'stage_changed', changes: { stage: { from: 'conception', to: 'build' } } });
    expect(describeEntry(t.t, moved).summary).toBe('moved it from Conception to Build');
    await t.changeLanguage('fr');
    expect(describeEntry(t.t, moved).summary).toBe('l’a fait passer de Conception à Réalisation');
    await t.changeLanguage('en');
  });

  it('lists ticked and unticked checklist items and renames', () => {
    const edited = entry({
      changes: {
        name: { from: 'Old', to: 'New' },
        checklist: {
          from: { 'conception.vision_written': true },
          to: { 'conception.vision_written': false, 'conception.problem_validated': true },
        },
      },
    });
    expect(describeEntry(t.t, edited).details).toEqual([
      'Renamed “Old” → “New”',
      'Unticked “Vision written”',
      'Ticked “Problem validated with real users”',
    ]);
  });

  it('names the member whose role changed, and falls back for unknown actions', () => {
    const changed = entry({
      entity: 'member',
      entityId: 'm1',
      action: 'role_changed',
      changes: { role: { from: 'viewer', to: 'product_manager' } },
    });
    expect(describeEntry(t.t, changed, () => 'Vera').summary).toBe('changed the role of Vera from Viewer to Product manager');
    expect(describeEntry(t.t, entry({ entity: 'widget', action: 'spun_around' })).summary).toBe('spun around (widget)');
  });

  it('tells an import once, with what it created, in each language', async () => {
    const imported = entry({
      entity: 'import',
      action: 'rows_imported',
      changes: {
        file: { from: null, to: 'feedback.csv' },
        insightsCreated: { from: null, to: 5000 },
        customersCreated: { from: null, to: 1 },
      },
    });
    expect(describeEntry(t.t, imported)).toEqual({
      summary: 'imported 5,000 insights from “feedback.csv”',
      details: ['Created 1 customer named in the file'],
    });
    const customers = entry({
      entity: 'import',
      action: 'rows_imported',
      changes: { file: { from: null, to: 'c.csv' }, customersCreated: { from: null, to: 2 } },
    });
    expect(describeEntry(t.t, customers).summary).toBe('imported 2 customers from “c.csv”');
    await t.changeLanguage('fr');
    expect(describeEntry(t.t, imported).summary).toBe('a importé 5\u202f000 retours depuis « feedback.csv »');
    await t.changeLanguage('en');
  });
});
