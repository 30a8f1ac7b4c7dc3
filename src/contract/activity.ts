import { z } from 'zod';
import { Id, PageQuery, Timestamp, UserRef } from './common.js';

export const ENTITIES = ['workspace', 'member', 'product', 'customer', 'insight', 'feature', 'import', 'objective', 'key_result'] as const;

export const ActivityQuery = PageQuery.extend({
  entity: z.enum(ENTITIES).optional(),
  id: Id.optional(),
});

export const ActivityEntry = z.object({
  seq: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  actor: UserRef.nullable(),
  at: Timestamp,
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  note: z.string().nullable(),
});
