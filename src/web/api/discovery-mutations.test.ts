import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from './client.js';
import { dkeys, type InsightDto } from './discovery.js';
import { applyInsights, droppedCustomer, stillMatches } from './discovery-mutations.js';

function insight(id: string, patch: Partial<InsightDto> = {}): InsightDto {
  return {
    id,
    workspaceId: 'w',
    productId: null,
    text: `Insight ${id}`,
    source: 'support',
    customer: null,
    personName: null,
    personEmail: null,
    tags: [],
    importance: 'important',
    externalId: null,
    receivedAt: '2026-03-01T00:00:00.000Z',
    status: 'new',
    mergedIntoId: null,
    featureCount: 0,
    version: 1,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...patch,
  };
}

describe('inbox cache after triage', () => {
  it('keeps an insight in a list only while it matches the status filter', () => {
    expect(stillMatches(insight('a', { status: 'triaged' }), {})).toBe(true);
    expect(stillMatches(insight('a', { status: 'archived' }), {})).toBe(false);
    expect(stillMatches(insight('a', { status: 'archived' }), { status: 'archived,new' })).toBe(true);
    expect(stillMatches(insight('a', { importance: 'critical' }), { importance: 'nice_to_have' })).toBe(false);
    expect(stillMatches(insight('a', { tags: ['Export'] }), { tag: 'export' })).toBe(true);
  });

  it('updates every loaded page in place and drops archived rows from the default inbox', () => {
    const client = new QueryClient();
    const page = (items: InsightDto[]) => ({ pages: [{ items, nextCursor: null }], pageParams: [''] });
    client.setQueryData(dkeys.insights('ws', {}), page([insight('a'), insight('b'), insight('c')]));
    client.setQueryData(dkeys.insights('ws', { status: 'new,archived' }), page([insight('a'), insight('b')]));

    applyInsights(client, 'ws', [insight('a', { status: 'archived', version: 2 }), insight('c', { tags: ['sso'], version: 2 })]);

    const inbox = client.getQueryData<{ pages: { items: InsightDto[] }[] }>(dkeys.insights('ws', {}));
    expect(inbox?.pages[0]?.items.map((i) => [i.id, i.version])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
    const withArchived = client.getQueryData<{ pages: { items: InsightDto[] }[] }>(dkeys.insights('ws', { status: 'new,archived' }));
    expect(withArchived?.pages[0]?.items.map((i) => i.status)).toEqual(['archived', 'new']);
    expect(client.getQueryData<InsightDto>(dkeys.insight('ws', 'c'))?.tags).toEqual(['sso']);
  });
});

describe('merge confirmation', () => {
  const problem = (code: string, warnings?: Record<string, unknown>[]) =>
    new ApiError({ type: `urn:cairn:problem:${code}`, title: code, status: 409, code, ...(warnings && { warnings }) });

  it('reads the dropped customer and the features it leaves from a confirmation_required refusal', () => {
    const refused = problem('confirmation_required', [
      { kind: 'tags_truncated', dropped: ['x'] },
      {
        kind: 'customer_dropped',
        customer: { id: 'c2', name: 'Boulangerie Dupont' },
        features: [{ id: 'f1', title: 'PDF' }, { id: 3 }],
      },
    ]);
    expect(droppedCustomer(refused)).toEqual({
      kind: 'customer_dropped',
      customer: { id: 'c2', name: 'Boulangerie Dupont' },
      features: [{ id: 'f1', title: 'PDF' }],
    });
  });

  it('is null for any other failure or a malformed warning', () => {
    expect(droppedCustomer(problem('version_conflict'))).toBeNull();
    expect(droppedCustomer(problem('confirmation_required', [{ kind: 'customer_dropped', customer: null }]))).toBeNull();
    expect(droppedCustomer(new Error('boom'))).toBeNull();
  });
});
