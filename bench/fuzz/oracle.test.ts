import { describe, expect, it } from 'vitest';
import { judge } from './oracle.js';
import type { FuzzRequest } from './request-arb.js';
import type { WireResponse } from './target.js';
import type { World } from './world.js';

// The oracle decides what counts as a bug, so it gets its own checks.
const world = { markers: ['mk0123456789abcdef'] } as World;
const req = (over: Partial<FuzzRequest> = {}): FuzzRequest => ({
  op: 'getProduct',
  fault: 'none',
  method: 'GET',
  url: '/api/v1/x',
  auth: 'owner-token',
  malformedAuth: '',
  headers: {},
  body: null,
  namesOther: false,
  ...over,
});
const res = (status: number, body: unknown, type = 'application/problem+json; charset=utf-8'): WireResponse => ({
  status,
  headers: { 'content-type': type },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const kinds = (r: WireResponse, wrote = false, request = req()) => judge(request, r, wrote, world).map((f) => f.kind);

describe('fuzz oracle', () => {
  it('accepts a 4xx problem+json with a catalogue code, and a 2xx', () => {
    expect(kinds(res(404, { code: 'not_found', status: 404 }))).toEqual([]);
    expect(kinds(res(200, { items: [] }, 'application/json'))).toEqual([]);
  });

  it('flags 5xx, non-problem 4xx and codes outside the catalogue', () => {
    expect(kinds(res(500, { code: 'internal', status: 500 }))).toEqual(['server-error']);
    expect(kinds(res(400, { code: 'FST_ERR_BAD_URL' }, 'application/json'))).toEqual(['not-problem-json']);
    expect(kinds(res(400, { code: 'made_up', status: 400 }))).toEqual(['not-problem-json']);
    expect(kinds(res(400, { code: 'not_found', status: 404 }))).toEqual(['not-problem-json']);
  });

  it("flags the other workspace's markers anywhere in an answer, a success naming it, and a write by a rejection", () => {
    expect(kinds(res(404, { code: 'not_found', status: 404, detail: 'mk0123456789abcdef' }))).toEqual(['leak']);
    expect(kinds(res(200, {}, 'application/json'), false, req({ namesOther: true }))).toEqual(['other-workspace-success']);
    expect(kinds(res(403, { code: 'forbidden', status: 403 }), true)).toEqual(['write-on-reject']);
    expect(kinds(res(201, {}, 'application/json'), true)).toEqual([]);
  });
});
