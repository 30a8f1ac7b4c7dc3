import { z } from 'zod';

export const Id = z.uuid().describe('UUIDv7 identifier');
export const Timestamp = z.string().describe('ISO-8601 UTC timestamp');
export const Version = z.number().int().min(1).describe('Row version for optimistic concurrency');

/** Trimmed, non-empty, bounded text: names and titles. */
export const Name = (max = 120) => z.string().trim().min(1).max(max);
export const LongText = (max = 20_000) => z.string().max(max);

export const WorkspaceParams = z.strictObject({
  workspace: z.string().min(1).max(64).describe('Workspace id or slug'),
});
export const WorkspaceItemParams = WorkspaceParams.extend({ id: Id });

export const PageQuery = z.strictObject({
  cursor: z.string().max(512).optional().describe('Opaque cursor from the previous page'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          position: z.number().int().optional().describe('0-based character offset, for formula errors'),
          pointer: z.string().optional().describe('The formula line with a caret under the position'),
        }),
      )
      .optional(),
    current: z.unknown().optional(),
    warnings: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe('confirmation_required: what the change would do, each with a `kind`; send it again confirmed to go ahead'),
  })
  .describe('RFC 9457 problem details');

export const Empty = z.null().describe('No content');

export const UserRef = z.object({ id: Id, name: z.string(), email: z.string() });
