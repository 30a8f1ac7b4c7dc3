import { Autocomplete, Button, Checkbox, Divider, Group, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconFilterOff, IconSearch, IconX } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { forwardRef, memo, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE, INSIGHT_SOURCES, INSIGHT_STATUSES } from '../../../contract/discovery.js';
import { customerQuery, featureQuery } from '../../api/discovery.js';
import { productsQuery } from '../../api/queries.js';
import { CustomerPicker } from '../../components/discovery/customer-picker.js';
import { useFormat } from '../../components/format.js';
import classes from './insights.module.css';
import { hasFilters, type InsightsSearch } from './search-params.js';

type SetSearch = (patch: Partial<InsightsSearch>) => void;

function FilterButton({ label, summary, children }: { label: string; summary?: string | undefined; children: ReactNode }) {
  const active = summary !== undefined;
  return (
    <Popover position="bottom-start" shadow="md" withinPortal trapFocus radius="md">
      <Popover.Target>
        <Button
          variant={active ? 'light' : 'default'}
          size="sm"
          fw={active ? 600 : 500}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          styles={{ label: { display: 'block', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
        >
          {active ? `${label}: ${summary}` : label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>{children}</Popover.Dropdown>
    </Popover>
  );
}

function EnumFilter({
  label,
  options,
  value,
  onChange,
  hint,
}: {
  label: string;
  options: { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  hint?: string;
}) {
  const { t } = useTranslation();
  const chosen = value ? value.split(',') : [];
  const summary =
    chosen.length === 0 ? undefined : chosen.length === 1 ? options.find((o) => o.value === chosen[0])?.label : String(chosen.length);
  return (
    <FilterButton label={label} summary={summary}>
      <Stack gap="xs" miw={200}>
        <Checkbox.Group
          label={label}
          value={chosen}
          onChange={(next) =>
            onChange(
              next.length
                ? options
                    .filter((o) => next.includes(o.value))
                    .map((o) => o.value)
                    .join(',')
                : undefined,
            )
          }
        >
          <Stack gap={8} mt={8}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        {hint && chosen.length === 0 && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
        {chosen.length > 0 && (
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(undefined)} style={{ alignSelf: 'flex-start' }}>
            {t('common.clear')}
          </Button>
        )}
      </Stack>
    </FilterButton>
  );
}

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The inbox filters, all kept in the URL: search words, status, source, importance, customer, dates and more. */
export const FilterBar = memo(
  forwardRef<HTMLInputElement, { workspace: string; search: InsightsSearch; setSearch: SetSearch; tags: string[] }>(function FilterBar(
    { workspace, search, setSearch, tags },
    searchRef,
  ) {
    const { t } = useTranslation();
    const format = useFormat();
    const [q, setQ] = useState(search.q ?? '');
    useEffect(() => setQ(search.q ?? ''), [search.q]);
    const updateQuery = useDebouncedCallback((value: string) => setSearch({ q: value.trim() || undefined }), 250);
    const customer = useQuery({ ...customerQuery(workspace, search.customer ?? ''), enabled: search.customer !== undefined });
    const feature = useQuery({ ...featureQuery(workspace, search.feature ?? ''), enabled: search.feature !== undefined });
    const products = useInfiniteQuery(productsQuery(workspace, { archived: 'false' }));
    const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];
    const product = productItems.find((p) => p.id === search.product);
    const [segment, setSegment] = useState(search.segment ?? '');
    const [tag, setTag] = useState(search.tag ?? '');
    useEffect(() => setSegment(search.segment ?? ''), [search.segment]);
    useEffect(() => setTag(search.tag ?? ''), [search.tag]);

    const moreCount = [search.segment, search.tag, search.product].filter(Boolean).length;
    const dateSummary =
      search.from || search.to
        ? [search.from ? format.date(`${search.from}T12:00:00`) : '…', search.to ? format.date(`${search.to}T12:00:00`) : '…'].join(' – ')
        : undefined;

    return (
      <Group gap="xs" mb="md" wrap="wrap" align="center" className={classes.filters}>
        <TextInput
          ref={searchRef}
          placeholder={t('insights.searchPlaceholder')}
          aria-label={t('insights.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            updateQuery(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          style={{ flex: 1, minWidth: 220, maxWidth: 340 }}
        />
        <EnumFilter
          label={t('insights.filters.status')}
          options={INSIGHT_STATUSES.map((s) => ({ value: s, label: t(`discovery.statuses.${s}`) }))}
          value={search.status}
          onChange={(status) => setSearch({ status })}
          hint={t('insights.filters.defaultStatus')}
        />
        <EnumFilter
          label={t('insights.filters.source')}
          options={INSIGHT_SOURCES.map((s) => ({ value: s, label: t(`discovery.sources.${s}`) }))}
          value={search.source}
          onChange={(source) => setSearch({ source })}
        />
        <EnumFilter
          label={t('insights.filters.importance')}
          options={IMPORTANCE.map((s) => ({ value: s, label: t(`discovery.importance.${s}`) }))}
          value={search.importance}
          onChange={(importance) => setSearch({ importance })}
        />
        <FilterButton label={t('insights.filters.customer')} summary={search.customer ? (customer.data?.name ?? '…') : undefined}>
          <Stack gap="xs" w={280}>
            <CustomerPicker
              workspace={workspace}
              label={t('insights.filters.customer')}
              value={search.customer ? { id: search.customer, name: customer.data?.name ?? '' } : null}
              onChange={(c) => setSearch({ customer: c?.id })}
              comboboxProps={{ withinPortal: false }}
            />
          </Stack>
        </FilterButton>
        <FilterButton label={t('insights.filters.received')} summary={dateSummary}>
          <Stack gap="sm" w={260}>
            <Group gap={6}>
              {[7, 30, 90].map((days) => (
                <Button key={days} size="compact-xs" variant="default" onClick={() => setSearch({ from: isoDaysAgo(days), to: undefined })}>
                  {t(`insights.filters.last${days as 7 | 30 | 90}`)}
                </Button>
              ))}
            </Group>
            <TextInput
              type="date"
              label={t('insights.filters.from')}
              value={search.from ?? ''}
              max={search.to}
              onChange={(e) => setSearch({ from: e.currentTarget.value || undefined })}
            />
            <TextInput
              type="date"
              label={t('insights.filters.to')}
              value={search.to ?? ''}
              min={search.from}
              onChange={(e) => setSearch({ to: e.currentTarget.value || undefined })}
            />
            {dateSummary && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setSearch({ from: undefined, to: undefined })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('insights.filters.anyTime')}
              </Button>
            )}
          </Stack>
        </FilterButton>
        <FilterButton label={t('insights.filters.more')} summary={moreCount ? String(moreCount) : undefined}>
          <Stack gap="sm" w={260}>
            <TextInput
              label={t('insights.filters.segment')}
              placeholder={t('insights.filters.segmentPlaceholder')}
              value={segment}
              onChange={(e) => setSegment(e.currentTarget.value)}
              onBlur={() => setSearch({ segment: segment.trim() || undefined })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') setSearch({ segment: segment.trim() || undefined });
              }}
            />
            <Autocomplete
              label={t('insights.filters.tag')}
              placeholder={t('insights.filters.tagPlaceholder')}
              data={tags}
              value={tag}
              onChange={setTag}
              onOptionSubmit={(value) => setSearch({ tag: value })}
              onBlur={() => setSearch({ tag: tag.trim() || undefined })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') setSearch({ tag: tag.trim() || undefined });
              }}
              comboboxProps={{ withinPortal: false }}
            />
            <Select
              label={t('insights.filters.product')}
              placeholder={t('insights.filters.anyProduct')}
              data={productItems.map((p) => ({ value: p.id, label: p.name }))}
              value={product?.id ?? search.product ?? null}
              onChange={(id) => setSearch({ product: id ?? undefined })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              comboboxProps={{ withinPortal: false }}
            />
            <Divider />
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={moreCount === 0}
              onClick={() => setSearch({ segment: undefined, tag: undefined, product: undefined })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('common.clear')}
            </Button>
          </Stack>
        </FilterButton>
        {search.feature && (
          <Button
            variant="light"
            size="sm"
            rightSection={<IconX size={14} aria-hidden />}
            onClick={() => setSearch({ feature: undefined })}
            aria-label={`${t('insights.filters.feature')}: ${feature.data?.title ?? ''} — ${t('common.clear')}`}
            styles={{ label: { display: 'block', maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } }}
          >
            {t('insights.filters.feature')}: {feature.data?.title ?? '…'}
          </Button>
        )}
        {hasFilters(search) && (
          <Button
            variant="subtle"
            color="gray"
            size="sm"
            leftSection={<IconFilterOff size={15} aria-hidden />}
            onClick={() => {
              setQ('');
              setSearch({
                q: undefined,
                status: undefined,
                source: undefined,
                importance: undefined,
                customer: undefined,
                segment: undefined,
                tag: undefined,
                product: undefined,
                feature: undefined,
                from: undefined,
                to: undefined,
              });
            }}
          >
            {t('insights.filters.clear')}
          </Button>
        )}
      </Group>
    );
  }),
);
