import { describe, expect, it } from 'vitest';
import { applyPatch } from './product-mutations.js';
import type { ProductDto } from './queries.js';

const product: ProductDto = {
  id: '01900000-0000-7000-8000-000000000002',
  workspaceId: '01900000-0000-7000-8000-000000000001',
  name: 'Atlas',
  vision: '',
  stage: 'conception',
  segments: [],
  checklist: { 'conception.vision_written': true },
  scoringFrameworks: ['rice'],
  archivedAt: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('applyPatch (optimistic display)', () => {
  it('merges checklist items instead of replacing the checklist, and keeps the version', () => {
    const next = applyPatch(product, { checklist: { 'conception.problem_validated': true } });
    expect(next.checklist).toEqual({ 'conception.vision_written': true, 'conception.problem_validated': true });
    expect(next.version).toBe(3);
  });

  it('archives and restores', () => {
    const archived = applyPatch(product, { archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect(applyPatch(archived, { archived: false }).archivedAt).toBeNull();
  });
});
