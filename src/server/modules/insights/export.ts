import Papa from 'papaparse';
import type { z } from 'zod';
import type { InsightListQuery } from '../../../contract/discovery.js';
import { neutraliseFormula } from '../../../domain/discovery/index.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { toInsightDto } from './queries.js';
import { filteredInsights } from './service.js';

const COLUMNS = [
  'id',
  'receivedAt',
  'status',
  'source',
  'importance',
  'customer',
  'segment',
  'personName',
  'personEmail',
  'tags',
  'externalId',
  'featureCount',
  'text',
];

/**
 * Insights as CSV, newest first, with the list's filters. Every cell is neutralised so a
 * spreadsheet never runs stored text such as =HYPERLINK(…) as a formula.
 */
export async function exportInsightsCsv(
  services: Services,
  access: Access,
  query: Omit<z.output<typeof InsightListQuery>, 'cursor' | 'limit'>,
) {
  authorize(access, 'discovery.read');
  const rows = await (await filteredInsights(services, access, { ...query, limit: 0 }))
    .orderBy('insights.received_at', 'desc')
    .orderBy('insights.id', 'desc')
    .execute();
  const data = rows.map((row) => {
    const i = toInsightDto(row);
    return [
      i.id,
      i.receivedAt,
      i.status,
      i.source,
      i.importance,
      i.customer?.name ?? '',
      i.customer?.segment ?? '',
      i.personName ?? '',
      i.personEmail ?? '',
      i.tags.join(', '),
      i.externalId ?? '',
      String(i.featureCount),
      i.text,
    ].map(neutraliseFormula);
  });
  // Every cell quoted: a spreadsheet that splits on semicolons (French Excel) keeps "note;=SUM(…)" one cell.
  return `\ufeff${Papa.unparse({ fields: COLUMNS, data }, { newline: '\r\n', quotes: true })}\r\n`;
}
