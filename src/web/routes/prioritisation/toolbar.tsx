import { Badge, Group, Kbd, Loader, Select, Tabs, Text, TextInput, Tooltip } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { FEATURE_STATUSES } from '../../../contract/discovery.js';
import type { ScoringSettings } from '../../../domain/scoring/feature-scores.js';
import type { FrameworkKey } from '../../../domain/scoring/index.js';
import type { ScoreLabels } from '../../components/score/labels.js';
import type { PrioritiseSearch } from './search-params.js';

export interface ToolbarProps {
  framework: FrameworkKey;
  frameworks: readonly FrameworkKey[];
  settings: ScoringSettings | null;
  labels: ScoreLabels;
  custom: { text: string; weighted: boolean } | null;
  q: string;
  onQuery: (value: string) => void;
  searchInput: RefObject<HTMLInputElement | null>;
  products: readonly { value: string; label: string }[];
  product: string | undefined;
  status: string | undefined;
  onSearch: (patch: Partial<PrioritiseSearch>) => void;
  scored: number;
  total: number;
  fetching: boolean;
}

/**
 * Framework tabs (the product's own first), what the framework means, and the filters.
 * Memoised: typing in the table re-renders the rows, not this.
 */
export const Toolbar = memo(function Toolbar({
  framework,
  frameworks,
  settings,
  labels,
  custom,
  q,
  onQuery,
  searchInput,
  products,
  product,
  status,
  onSearch,
  scored,
  total,
  fetching,
}: ToolbarProps) {
  const { t } = useTranslation();
  return (
    <>
      <Tabs value={framework} onChange={(v) => v && onSearch({ framework: v as FrameworkKey })} variant="pills" radius="md">
        <Tabs.List aria-label={t('prioritise.framework')}>
          {frameworks.map((f, i) => (
            <Tabs.Tab key={f} value={f} data-testid={`framework-${f}`} rightSection={i < 9 ? <Kbd size="xs">{i + 1}</Kbd> : undefined}>
              {labels.framework(f)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group gap="sm" wrap="wrap" align="center">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 320px' }}>
          {labels.frameworkAbout(framework)}
        </Text>
        {framework === 'ice' && settings && (
          <Tooltip label={t(`prioritise.iceVariantHint.${settings.iceVariant}`)} withinPortal>
            <Badge variant="light" size="lg" data-testid="ice-variant-badge">
              {t('prioritise.iceVariantBadge', { variant: labels.iceVariant(settings.iceVariant) })}
            </Badge>
          </Tooltip>
        )}
        {framework === 'custom' && custom && (
          <Badge variant="light" size="lg" tt="none" ff="monospace" data-testid="custom-formula-badge">
            {custom.weighted
              ? t('prioritise.custom.weightedSum', { formula: custom.text })
              : t('prioritise.custom.formula', { formula: custom.text })}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="wrap">
        <TextInput
          ref={searchInput}
          placeholder={t('prioritise.searchPlaceholder')}
          aria-label={t('prioritise.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => onQuery(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200, maxWidth: 320 }}
        />
        <Select
          aria-label={t('prioritise.filterProduct')}
          data={[{ value: '', label: t('prioritise.allProducts') }, ...products]}
          value={product ?? ''}
          onChange={(v) => onSearch({ product: v || undefined, framework: undefined })}
          allowDeselect={false}
          w={220}
          comboboxProps={{ withinPortal: true }}
          data-testid="product-filter"
        />
        <Select
          aria-label={t('prioritise.filterStatus')}
          placeholder={t('prioritise.allStatuses')}
          data={FEATURE_STATUSES.map((s) => ({ value: s, label: t(`discovery.featureStatuses.${s}`) }))}
          value={status && !status.includes(',') ? status : null}
          onChange={(v) => onSearch({ status: v ?? undefined })}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm" c="dimmed" ml="auto" data-testid="scored-count">
          {total > 0 && t('prioritise.scoredCount', { scored, total })}
        </Text>
        {fetching && <Loader size="xs" type="dots" aria-label={t('common.loading')} />}
      </Group>
    </>
  );
});
