import type { TFunction } from 'i18next';
import { isStage, STAGE_GATES, type Stage } from '../../../domain/lifecycle.js';
import { isRole } from '../../../domain/roles.js';
import type { ActivityDto } from '../../api/queries.js';

export interface Described {
  /** What the actor did, after their name ("moved it from Build to Launch"). */
  summary: string;
  /** Finer points, one line each (checklist items ticked, old and new names). */
  details: string[];
}

const str = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

export function stageLabel(t: TFunction, value: unknown): string {
  return isStage(value) ? t(`stages.${value}`) : str(value);
}

export function roleLabel(t: TFunction, value: unknown): string {
  return isRole(value) ? t(`roles.${value}.label`) : str(value);
}

export function gateLabel(t: TFunction, key: string): string {
  const [stage, item] = key.split('.');
  if (isStage(stage) && item && STAGE_GATES[stage].includes(item)) {
    return t(`gates.${stage as Stage}.${item}` as 'gates.conception.problem_validated');
  }
  return key;
}

function checklistDetails(t: TFunction, change: { from: unknown; to: unknown }): string[] {
  const from = (change.from ?? {}) as Record<string, boolean>;
  const to = (change.to ?? {}) as Record<string, boolean>;
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (Boolean(from[key]) === Boolean(to[key])) continue;
    lines.push(to[key] ? t('activity.ticked', { item: gateLabel(t, key) }) : t('activity.unticked', { item: gateLabel(t, key) }));
  }
  return lines;
}

/** Turns a change-log entry into words, in the interface language. */
export function describeEntry(t: TFunction, entry: ActivityDto, memberName?: (id: string) => string | undefined): Described {
  const c = entry.changes;
  const details: string[] = [];
  switch (`${entry.entity}.${entry.action}`) {
    case 'product.created': {
      const stage = c.stage?.to;
      return { summary: t('activity.productCreated', { stage: stageLabel(t, stage ?? 'conception') }), details };
    }
    case 'product.stage_changed':
      return { summary: t('activity.stageChanged', { from: stageLabel(t, c.stage?.from), to: stageLabel(t, c.stage?.to) }), details };
    case 'product.archived':
      return { summary: t('activity.productArchived'), details };
    case 'product.restored':
      return { summary: t('activity.productRestored'), details };
    case 'product.deleted':
      return { summary: t('activity.productDeleted', { name: str(c.name?.from) }), details };
    case 'product.updated': {
      if (c.name) details.push(t('activity.renamed', { from: str(c.name.from), to: str(c.name.to) }));
      if (c.vision) details.push(t('activity.visionEdited'));
      if (c.segments) details.push(t('activity.segmentsEdited', { count: Array.isArray(c.segments.to) ? c.segments.to.length : 0 }));
      if (c.checklist) details.push(...checklistDetails(t, c.checklist));
      return { summary: t('activity.productUpdated'), details };
    }
    case 'workspace.created':
      return { summary: t('activity.workspaceCreated', { name: str(c.name?.to) }), details };
    case 'workspace.updated':
      if (c.name) details.push(t('activity.renamed', { from: str(c.name.from), to: str(c.name.to) }));
      if (c.slug) details.push(t('activity.slugChanged', { from: str(c.slug.from), to: str(c.slug.to) }));
      return { summary: t('activity.workspaceUpdated'), details };
    case 'member.invited':
      return { summary: t('activity.memberInvited', { email: str(c.email?.to), role: roleLabel(t, c.role?.to) }), details };
    case 'member.joined':
      return { summary: t('activity.memberJoined'), details };
    case 'member.role_changed':
      return {
        summary: t('activity.roleChanged', {
          member: memberName?.(entry.entityId) ?? t('activity.aMember'),
          from: roleLabel(t, c.role?.from),
          to: roleLabel(t, c.role?.to),
        }),
        details,
      };
    case 'member.removed':
      return { summary: t('activity.memberRemoved', { email: str(c.email?.from) }), details };
    case 'member.invitation_cancelled':
      return { summary: t('activity.invitationCancelled', { email: str(c.email?.from) }), details };
    case 'objective.created':
      return { summary: t('activity.objectiveCreated', { title: str(c.title?.to) }), details };
    case 'objective.updated':
      if (c.title) details.push(t('activity.renamed', { from: str(c.title.from), to: str(c.title.to) }));
      if (c.parentId) details.push(t('activity.objectiveMoved'));
      if (c.status) details.push(t('activity.objectiveStatus', { from: str(c.status.from), to: str(c.status.to) }));
      if (c.period) details.push(t('activity.objectivePeriod'));
      return { summary: t('activity.objectiveUpdated'), details };
    case 'objective.deleted':
      return { summary: t('activity.objectiveDeleted', { title: str(c.title?.from) }), details };
    case 'objective.feature_linked':
      return { summary: t('activity.featureLinked', { title: str((c.feature?.to as { title?: unknown } | null)?.title) }), details };
    case 'objective.feature_unlinked':
      return { summary: t('activity.featureUnlinked', { title: str((c.feature?.from as { title?: unknown } | null)?.title) }), details };
    case 'key_result.created':
      return { summary: t('activity.keyResultCreated', { title: str(c.title?.to) }), details };
    case 'key_result.updated':
      if (c.current) details.push(t('activity.keyResultCurrent', { from: str(c.current.from ?? '—'), to: str(c.current.to ?? '—') }));
      return { summary: t('activity.keyResultUpdated', { title: str(c.title?.to) }), details };
    case 'import.started':
      return { summary: t('activity.importStarted', { file: str(c.fileName?.to), count: Number(c.rows?.to ?? 0) }), details };
    case 'import.rows_imported': {
      const file = str(c.file?.to);
      const insights = Number(c.insightsCreated?.to ?? 0);
      const customers = Number(c.customersCreated?.to ?? 0);
      if (insights === 0) return { summary: t('activity.customersImported', { count: customers, file }), details };
      if (customers > 0) details.push(t('activity.customersCreated', { count: customers }));
      return { summary: t('activity.insightsImported', { count: insights, file }), details };
    }
    case 'insight.reimported':
      details.push(t('activity.changedFields', { fields: Object.keys(c).join(', ') }));
      return { summary: t('activity.insightReimported'), details };
    case 'customer.reimported':
      if (c.name) details.push(t('activity.renamed', { from: str(c.name.from), to: str(c.name.to) }));
      else details.push(t('activity.changedFields', { fields: Object.keys(c).join(', ') }));
      return { summary: t('activity.customerReimported'), details };
    case 'key_result.deleted':
      return { summary: t('activity.keyResultDeleted', { title: str(c.title?.from) }), details };
    default:
      return { summary: t('activity.other', { action: entry.action.replace(/_/g, ' '), entity: entry.entity }), details };
  }
}
