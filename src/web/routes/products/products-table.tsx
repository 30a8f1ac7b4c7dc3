import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGE_GATES } from '../../../domain/lifecycle.js';
import type { ProductDto } from '../../api/queries.js';
import table from '../../components/data-table.module.css';
import { useFormat } from '../../components/format.js';
import { AnchorLink } from '../../components/links.js';
import { plainExcerpt } from '../../components/markdown-text.js';
import { StageBadge } from '../../components/stage-badge.js';
import classes from './products.module.css';

function gateProgress(product: ProductDto): { done: number; total: number } {
  const items = STAGE_GATES[product.stage];
  return { done: items.filter((i) => product.checklist[`${product.stage}.${i}`] === true).length, total: items.length };
}

/** The products of a workspace: name, stage, who it is for, how far its stage gate is. */
export function ProductsTable({ workspace, products }: { workspace: string; products: ProductDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table className={table.table} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('products.colName')}</Table.Th>
            <Table.Th w={150}>{t('products.colStage')}</Table.Th>
            <Table.Th w={150} visibleFrom="md">
              {t('products.colGate')}
            </Table.Th>
            <Table.Th w={140} visibleFrom="lg">
              {t('products.colSegments')}
            </Table.Th>
            <Table.Th w={150} visibleFrom="sm">
              {t('products.colUpdated')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((p) => {
            const gate = gateProgress(p);
            return (
              <Table.Tr key={p.id} className={classes.row}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <AnchorLink
                      to="/w/$workspace/products/$productId"
                      params={{ workspace, productId: p.id }}
                      className={classes.rowLink}
                      fw={600}
                      size="sm"
                      c="var(--mantine-color-text)"
                    >
                      {p.name}
                    </AnchorLink>
                    {p.archivedAt && (
                      <Badge size="xs" variant="outline" color="gray">
                        {t('products.archived')}
                      </Badge>
                    )}
                  </Group>
                  {p.vision && (
                    <Text size="xs" c="dimmed" lineClamp={1} mt={2} maw={520}>
                      {plainExcerpt(p.vision)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={p.stage} />
                </Table.Td>
                <Table.Td visibleFrom="md">
                  {gate.total === 0 ? (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Tooltip
                      label={`${t('products.gateTooltip', { stage: t(`stages.${p.stage}`) })} · ${t('products.gateCount', { done: gate.done, total: gate.total })}`}
                    >
                      <Group gap={8} wrap="nowrap" className={classes.above}>
                        <div className={classes.gateBar} aria-hidden>
                          <div className={classes.gateFill} style={{ width: `${(gate.done / gate.total) * 100}%` }} />
                        </div>
                        <Text size="xs" c="dimmed">
                          {gate.done}/{gate.total}
                        </Text>
                      </Group>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="lg">
                  <Text size="sm" c={p.segments.length ? undefined : 'dimmed'}>
                    {p.segments.length ? t('products.segmentCount', { count: p.segments.length }) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Tooltip label={format.dateTime(p.updatedAt)}>
                    <Text size="sm" c="dimmed" className={classes.above} span>
                      {format.relative(p.updatedAt)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
