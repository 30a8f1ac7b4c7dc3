import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

const pool = new Uint8Array(16 * 256);
let poolAt = pool.length;
const v7State = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/**
 * Time-ordered ids: index-friendly, and sortable by creation. The same UUIDv7 as the uuid
 * package's own (a counter keeps ids made within one millisecond in order), but with random
 * bytes drawn 4 KiB at a time instead of one system call per id (a tenth of the cost, which
 * shows when an import makes 100,000 of them).
 */
export function newId(): string {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const random = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  const now = Date.now();
  if (now > v7State.msecs) {
    v7State.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
    v7State.msecs = now;
  } else {
    v7State.seq = (v7State.seq + 1) | 0;
    if (v7State.seq === 0) v7State.msecs += 1;
  }
  return uuidv7({ random, msecs: v7State.msecs, seq: v7State.seq });
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A secret for a cookie, token or invitation link: 256 bits, URL-safe. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Secrets are stored only as hashes; SHA-256 suffices for high-entropy random values. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
