/**
 * What the server acknowledged: for each product, the latest version and content a 2xx (or a
 * 409's `current`) reported. Updates whose answer never came are `pending`: any one of them may
 * have committed (all were sent with the same If-Match, so at most one can), or none.
 */
export interface Known {
  id: string;
  version: number;
  name: string;
  vision: string;
  /** Visions sent at `version` without a definitive answer. */
  pending: string[];
}

export type Ledger = Map<string, Known>;

export interface ProductState {
  id: string;
  version: number;
  name: string;
  vision: string;
}

/** Compares the ledger with what the server has now; returns one line per broken promise. */
export function compareWithLedger(ledger: Ledger, actual: Map<string, ProductState>): string[] {
  const problems: string[] = [];
  for (const [id, known] of ledger) {
    const found = actual.get(id);
    if (!found) {
      problems.push(`${id}: acknowledged at version ${known.version} but missing`);
      continue;
    }
    if (found.version < known.version) {
      problems.push(`${id}: acknowledged at version ${known.version} but found version ${found.version}`);
    } else if (found.version === known.version && (found.vision !== known.vision || found.name !== known.name)) {
      problems.push(`${id}: version ${known.version} holds different content than acknowledged`);
    } else if (found.version > known.version && !(found.version === known.version + 1 && known.pending.includes(found.vision))) {
      problems.push(`${id}: version ${found.version} is newer than anything sent (acknowledged ${known.version})`);
    }
  }
  return problems;
}

/** After a check, the server's state is the truth the next round builds on. */
export function resync(ledger: Ledger, actual: Map<string, ProductState>): void {
  for (const [id, known] of ledger) {
    const found = actual.get(id);
    if (found) Object.assign(known, { version: found.version, name: found.name, vision: found.vision, pending: [] });
  }
}
