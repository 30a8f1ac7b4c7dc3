import type { z } from 'zod';
import type { SearchQuery } from '../../../contract/discovery.js';
import type { Services } from '../../services.js';
import { type Access, authorize } from '../workspaces/service.js';
import { search } from './repo.js';

export async function searchWorkspace(services: Services, access: Access, query: z.output<typeof SearchQuery>) {
  authorize(access, 'discovery.read');
  const hits = await search(services.db, services.dialect, {
    workspaceId: access.workspace.id,
    q: query.q,
    types: query.types,
    limit: query.limit,
  });
  return {
    items: hits.map((h) => ({
      type: h.entity,
      id: h.entityId,
      title: h.title,
      titleHighlight: h.titleHighlight,
      snippet: h.snippet,
      score: h.score,
    })),
  };
}
