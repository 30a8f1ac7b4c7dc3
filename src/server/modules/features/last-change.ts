import type { Kysely } from 'kysely';
import type { EvidenceName } from '../../../domain/scoring/custom.js';
import type { Database } from '../../db/schema.js';

/** How far back each part of the history is read for "what changed it last". */
export const HISTORY = 500;
/** Ids per `in (…)` list. */
const CHUNK = 500;
const EXCERPT = 80;

export interface ChangedInput {
  field: string;
  from: unknown;
  to: unknown;
}

export interface LastChange extends ChangedInput {
  at: string;
  by: { id: string; name: string; email: string } | null;
  /** Every input of that change (a feature created with several inputs lists them all); `field/from/to` is the first. */
  changes: ChangedInput[];
  /** The insight or customer an evidence change was about, by name (never a bare id). */
  evidence: { kind: 'insight' | 'customer'; id: string; label: string | null } | null;
}

/** What a score reads from the evidence: which counts, and whether only inside a reach window. */
export interface EvidenceReads {
  names: ReadonlySet<EvidenceName>;
  /** Reach counts only insights received in a window, so a changed receivedAt moves it. */
  window: boolean;
  /** The window's first instant: an insight received before it is not counted, linked or not. */
  since?: string | null;
}

interface Entry {
  seq: number;
  entity: string;
  entity_id: string;
  action: string;
  at: string;
  changes: string;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
}

type Changes = Record<string, { from: unknown; to: unknown }>;

const ALL: readonly EvidenceName[] = ['insights', 'customers', 'revenue'];
const moves = (reads: EvidenceReads, names: readonly EvidenceName[]) => names.some((n) => reads.names.has(n));

function parse(text: string): Changes | null {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as Changes) : null;
  } catch {
    return null;
  }
}

/** An insight as a person recognises it: the start of its text. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat;
}

function entriesQuery(db: Kysely<Database>, workspaceId: string) {
  return db
    .selectFrom('change_log')
    .leftJoin('users', 'users.id', 'change_log.actor_id')
    .select([
      'change_log.seq',
      'change_log.entity',
      'change_log.entity_id',
      'change_log.action',
      'change_log.at',
      'change_log.changes',
      'users.id as user_id',
      'users.name as user_name',
      'users.email as user_email',
    ])
    .where('change_log.workspace_id', '=', workspaceId);
}

/** The newest entries of these entities (ids read in chunks), newest first. */
async function entriesOf(db: Kysely<Database>, workspaceId: string, entity: 'insight' | 'customer', ids: readonly string[]) {
  const out: Entry[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await entriesQuery(db, workspaceId)
      .where('change_log.entity', '=', entity)
      .where('change_log.entity_id', 'in', ids.slice(i, i + CHUNK))
      .orderBy('change_log.seq', 'desc')
      .limit(HISTORY)
      .execute();
    out.push(...(rows as Entry[]));
  }
  return out.map((e) => ({ ...e, seq: Number(e.seq) })).sort((a, b) => b.seq - a.seq);
}

const userOf = (e: Entry) => (e.user_id ? { id: e.user_id, name: e.user_name ?? '', email: e.user_email ?? '' } : null);

/**
 * The newest change that moved a feature's score under one framework: one of its inputs
 * (all the inputs that change set), a workspace setting the framework depends on, or — when
 * the score reads the evidence — the evidence itself: an insight linked or unlinked, a
 * linked insight deleted, merged into another (or taken out again), given another customer
 * (or, with a reach window, another date), a customer's revenue edited. Evidence is named by the insight's
 * text and the customer's name.
 */
export async function lastScoreChange(
  db: Kysely<Database>,
  workspaceId: string,
  featureId: string,
  options: { prefix: string; settingKeys: readonly string[]; reads: EvidenceReads | null; revenueCurrency: string },
): Promise<LastChange | null> {
  const { prefix, settingKeys, reads } = options;
  const own = (
    await entriesQuery(db, workspaceId)
      .where((eb) =>
        eb.or([
          eb.and([eb('change_log.entity', '=', 'feature'), eb('change_log.entity_id', '=', featureId)]),
          ...(settingKeys.length > 0
            ? [eb.and([eb('change_log.entity', '=', 'workspace'), eb('change_log.action', '=', 'scoring_updated')])]
            : []),
        ]),
      )
      .orderBy('change_log.seq', 'desc')
      .limit(HISTORY)
      .execute()
  ).map((e) => ({ ...(e as Entry), seq: Number(e.seq) }));

  // The evidence's own history: entries of the insights linked to the feature (now or in its
  // history) and of the customers behind them.
  let evidenceEntries: Entry[] = [];
  const linkEvents = new Map<string, { seq: number; linked: boolean }[]>();
  let linkedNow = new Set<string>();
  if (reads && reads.names.size > 0) {
    for (const e of [...own].reverse()) {
      if (e.entity !== 'feature' || (e.action !== 'insight_linked' && e.action !== 'insight_unlinked')) continue;
      const c = parse(e.changes)?.insightId;
      const id = (e.action === 'insight_linked' ? c?.to : c?.from) as string | undefined;
      if (typeof id !== 'string') continue;
      const list = linkEvents.get(id) ?? [];
      list.push({ seq: e.seq, linked: e.action === 'insight_linked' });
      linkEvents.set(id, list);
    }
    const links = await db
      .selectFrom('feature_insights')
      .innerJoin('insights', 'insights.id', 'feature_insights.insight_id')
      .select(['feature_insights.insight_id', 'insights.customer_id'])
      .where('feature_insights.feature_id', '=', featureId)
      .execute();
    linkedNow = new Set(links.map((l) => l.insight_id));
    const insightIds = [...new Set([...linkedNow, ...linkEvents.keys()])];
    const customerIds = [...new Set(links.map((l) => l.customer_id).filter((c): c is string => c !== null))];
    evidenceEntries = [
      ...(await entriesOf(db, workspaceId, 'insight', insightIds)),
      ...(reads.names.has('revenue') ? await entriesOf(db, workspaceId, 'customer', customerIds) : []),
    ];
  }

  /** Whether the insight was linked to the feature just before `seq`. */
  const linkedAt = (insightId: string, seq: number): boolean => {
    const events = linkEvents.get(insightId) ?? [];
    const before = events.filter((x) => x.seq < seq).at(-1);
    if (before) return before.linked;
    const after = events.find((x) => x.seq > seq);
    return after ? !after.linked : linkedNow.has(insightId);
  };

  const entries = [...own, ...evidenceEntries].sort((a, b) => b.seq - a.seq).slice(0, 2 * HISTORY);
  const labels = new Labels(db, workspaceId, evidenceEntries);
  /** Whether a reach window applies and the insight (still there) was received before it. */
  const outsideWindow = async (insightId: string) => {
    if (!reads?.window || !reads.since || reads.names.has('revenue')) return false;
    const receivedAt = await labels.receivedAt(insightId);
    return receivedAt !== null && receivedAt < reads.since;
  };

  for (const e of entries) {
    const changes = parse(e.changes);
    if (!changes) continue;
    const base = { at: e.at, by: userOf(e) };
    if (e.entity === 'workspace' || (e.entity === 'feature' && e.action !== 'insight_linked' && e.action !== 'insight_unlinked')) {
      const keys =
        e.entity === 'workspace'
          ? Object.keys(changes).filter((k) => settingKeys.includes(k))
          : Object.keys(changes).filter((k) => k.startsWith(prefix));
      if (keys.length === 0) continue;
      const list = keys.map((k) => ({
        field: k.replace(/^scoring\./, 'settings.'),
        from: changes[k]!.from ?? null,
        to: changes[k]!.to ?? null,
      }));
      return { ...base, ...list[0]!, changes: list, evidence: null };
    }
    if (!reads || reads.names.size === 0) continue;

    if (e.entity === 'feature') {
      if (!moves(reads, ALL)) continue;
      const linked = e.action === 'insight_linked';
      const id = (linked ? changes.insightId?.to : changes.insightId?.from) as string | undefined;
      if (typeof id !== 'string') continue;
      if (await outsideWindow(id)) continue;
      const label = await labels.insight(id);
      const change = { field: linked ? 'evidence.linked' : 'evidence.unlinked', from: linked ? null : label, to: linked ? label : null };
      return { ...base, ...change, changes: [change], evidence: { kind: 'insight', id, label } };
    }

    if (e.entity === 'insight') {
      if (!linkedAt(e.entity_id, e.seq)) continue;
      // Outside the window a linked insight moves nothing (unless its date is what changed).
      if (!('receivedAt' in changes) && e.action !== 'merged' && (await outsideWindow(e.entity_id))) continue;
      const label = await labels.insight(e.entity_id);
      const evidence = { kind: 'insight' as const, id: e.entity_id, label };
      let change: ChangedInput | null = null;
      // The kept side of a merge: when the duplicate was evidence too, the merge is what moved it.
      const duplicate =
        e.action === 'merged'
          ? evidenceEntries.find((d) => d.seq < e.seq && d.action === 'merged_away' && parse(d.changes)?.mergedIntoId?.to === e.entity_id)
          : undefined;
      if (duplicate && linkedAt(duplicate.entity_id, duplicate.seq) && moves(reads, ALL)) {
        const from = await labels.insight(duplicate.entity_id);
        change = { field: 'evidence.merged', from, to: label };
        return { ...base, ...change, changes: [change], evidence: { kind: 'insight', id: duplicate.entity_id, label: from } };
      }
      if (e.action === 'deleted' && moves(reads, ALL)) change = { field: 'evidence.deleted', from: label, to: null };
      else if (e.action === 'merged_away' && moves(reads, ALL)) {
        const into = (changes.mergedIntoId?.to as string | undefined) ?? null;
        change = { field: 'evidence.merged', from: label, to: into ? await labels.insight(into) : null };
      } else if (e.action === 'unmerged' && changes.mergedIntoId && moves(reads, ALL)) {
        const from = changes.mergedIntoId.from as string | undefined;
        change = { field: 'evidence.unmerged', from: from ? await labels.insight(from) : null, to: label };
      } else if ('customer' in changes && moves(reads, ['customers', 'revenue'])) {
        const name = (v: unknown) => (v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : null);
        change = { field: 'evidence.customer', from: name(changes.customer!.from), to: name(changes.customer!.to) };
      } else if ('receivedAt' in changes && reads.window) {
        change = { field: 'evidence.receivedAt', from: changes.receivedAt!.from ?? null, to: changes.receivedAt!.to ?? null };
      }
      if (change) return { ...base, ...change, changes: [change], evidence };
      continue;
    }

    if (e.entity === 'customer' && e.action === 'updated') {
      const keys = ['revenue', 'currency', 'revenuePeriod'].filter((k) => k in changes);
      if (keys.length === 0 || !reads.names.has('revenue')) continue;
      const current = await labels.customer(e.entity_id);
      const money = (side: 'from' | 'to') => ({
        amount: (changes.revenue ? changes.revenue[side] : current.revenue) ?? null,
        currency: (changes.currency ? changes.currency[side] : current.currency) ?? null,
        period: (changes.revenuePeriod ? changes.revenuePeriod[side] : current.period) ?? 'month',
      });
      const from = money('from');
      const to = money('to');
      // Revenue in another currency than the workspace scores with is not counted: it moved nothing.
      if (from.currency !== options.revenueCurrency && to.currency !== options.revenueCurrency) continue;
      const change = { field: 'evidence.revenue', from, to };
      return { ...base, ...change, changes: [change], evidence: { kind: 'customer', id: e.entity_id, label: current.name } };
    }
  }
  return null;
}

/** Names of insights and customers, read once each; deleted ones from their last change-log entry. */
class Labels {
  private insights = new Map<string, string | null>();
  private customers = new Map<string, { name: string | null; revenue: number | null; currency: string | null; period: string }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly workspaceId: string,
    private readonly entries: readonly Entry[],
  ) {}

  private remembered(entity: string, id: string, field: string): string | null {
    for (const e of this.entries) {
      if (e.entity !== entity || e.entity_id !== id || e.action !== 'deleted') continue;
      const v = parse(e.changes)?.[field]?.from;
      if (typeof v === 'string') return v;
    }
    return null;
  }

  private received = new Map<string, string | null>();

  /** When the insight was received (null once deleted). */
  async receivedAt(id: string): Promise<string | null> {
    if (!this.received.has(id)) await this.insight(id);
    return this.received.get(id) ?? null;
  }

  /** "“Export to PDF…” (Acme)"; null for an insight deleted before the history read. */
  async insight(id: string): Promise<string | null> {
    const known = this.insights.get(id);
    if (known !== undefined) return known;
    const row = await this.db
      .selectFrom('insights')
      .leftJoin('customers', 'customers.id', 'insights.customer_id')
      .select(['insights.text', 'insights.received_at', 'customers.name as customer_name'])
      .where('insights.id', '=', id)
      .where('insights.workspace_id', '=', this.workspaceId)
      .executeTakeFirst();
    this.received.set(id, row?.received_at ?? null);
    let label: string | null;
    if (row) label = row.customer_name ? `“${excerpt(row.text)}” (${row.customer_name})` : `“${excerpt(row.text)}”`;
    else {
      const text = this.remembered('insight', id, 'text') ?? (await this.deletedText(id));
      label = text ? `“${excerpt(text)}”` : null;
    }
    this.insights.set(id, label);
    return label;
  }

  /** The text of a deleted insight that is not among the entries read. */
  private async deletedText(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('change_log')
      .select('changes')
      .where('workspace_id', '=', this.workspaceId)
      .where('entity', '=', 'insight')
      .where('entity_id', '=', id)
      .where('action', '=', 'deleted')
      .executeTakeFirst();
    const v = row ? parse(row.changes)?.text?.from : null;
    return typeof v === 'string' ? v : null;
  }

  async customer(id: string) {
    const known = this.customers.get(id);
    if (known) return known;
    const row = await this.db
      .selectFrom('customers')
      .select(['name', 'revenue', 'currency', 'revenue_period'])
      .where('id', '=', id)
      .where('workspace_id', '=', this.workspaceId)
      .executeTakeFirst();
    const out = row
      ? { name: row.name, revenue: row.revenue, currency: row.currency, period: row.revenue_period === 'year' ? 'year' : 'month' }
      : { name: this.remembered('customer', id, 'name'), revenue: null, currency: null, period: 'month' };
    this.customers.set(id, out);
    return out;
  }
}
