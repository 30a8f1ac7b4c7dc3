import { Badge, Card, EmptyState, Group, Loader, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBox, IconBuildingStore, IconBulb, IconSearch, IconSparkles } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_TYPES } from '../../../contract/discovery.js';
import { type SearchHitDto, searchQuery } from '../../api/discovery.js';
import { useWorkspace } from '../../app/use-workspace.js';
import { ErrorState } from '../../components/error-state.js';
import { AnchorLink } from '../../components/links.js';
import { Page, PageHeader } from '../../components/page-header.js';
import { Highlighted, Snippet } from '../../components/snippet.js';
import { hitLink } from './search-links.js';
import '../../i18n/discovery.js';

export const TYPE_ICONS = { insight: IconBulb, feature: IconSparkles, customer: IconBuildingStore, product: IconBox } as const;

/** Search across the workspace: results grouped by kind, with the matching words highlighted. */
export function SearchPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const search = useSearch({ strict: false }) as { q?: string };
  const navigate = useNavigate();
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  const query = search.q ?? '';
  const results = useQuery(searchQuery(workspace.key, query, undefined, 60));
  const update = useDebouncedCallback(
    (value: string) =>
      void navigate({
        to: '/w/$workspace/search',
        params: { workspace: workspace.key },
        search: value.trim() ? { q: value.trim() } : {},
        replace: true,
      }),
    250,
  );
  const hits = results.data ?? [];
  const groups = SEARCH_TYPES.map((type) => ({ type, hits: hits.filter((h) => h.type === type) })).filter((g) => g.hits.length > 0);

  return (
    <Page width={900}>
      <PageHeader title={t('search.title')} description={t('search.description')} />
      <TextInput
        size="md"
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={results.isFetching ? <Loader size="xs" aria-label={t('search.searching')} /> : null}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          update(e.currentTarget.value);
        }}
        autoFocus
        mb="xl"
      />
      {!query ? (
        <Text c="dimmed" size="sm">
          {t('search.prompt')}
        </Text>
      ) : results.isPending ? (
        <Stack gap="sm">
          <Skeleton h={64} radius="md" />
          <Skeleton h={64} radius="md" />
          <Skeleton h={64} radius="md" />
        </Stack>
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : groups.length === 0 ? (
        <Card py={48}>
          <EmptyState
            icon={<IconSearch size={26} stroke={1.6} aria-hidden />}
            withIndicatorBackground
            title={t('search.noResults', { q: query })}
            description={t('search.noResultsHint')}
          />
        </Card>
      ) : (
        <Stack gap="xl" data-testid="search-results">
          {groups.map((group) => (
            <Stack key={group.type} gap="xs" component="section" aria-labelledby={`search-${group.type}`}>
              <Group gap="xs">
                <Title order={2} fz="h4" id={`search-${group.type}`}>
                  {t(`search.types.${group.type}`)}
                </Title>
                <Badge variant="default" size="sm">
                  {group.hits.length}
                </Badge>
              </Group>
              <Card padding={0}>
                {group.hits.map((hit, i) => (
                  <Hit key={hit.id} workspace={workspace.key} hit={hit} last={i === group.hits.length - 1} />
                ))}
              </Card>
            </Stack>
          ))}
        </Stack>
      )}
    </Page>
  );
}

function Hit({ workspace, hit, last }: { workspace: string; hit: SearchHitDto; last: boolean }) {
  const Icon = TYPE_ICONS[hit.type];
  return (
    <Group
      wrap="nowrap"
      align="flex-start"
      gap="sm"
      px="md"
      py="sm"
      style={{ borderBottom: last ? undefined : '1px solid var(--cairn-border)' }}
      data-testid="search-hit"
    >
      <Icon size={18} stroke={1.7} aria-hidden style={{ color: 'var(--mantine-color-dimmed)', flex: 'none', marginTop: 2 }} />
      <Stack gap={2} style={{ minWidth: 0 }}>
        <AnchorLink {...hitLink(workspace, hit)} fw={600} size="sm" lineClamp={1}>
          <Highlighted snippet={hit.titleHighlight} />
        </AnchorLink>
        {/* When only the title matched, the snippet is the title again. */}
        {hit.snippet && hit.snippet !== hit.titleHighlight && <Snippet snippet={hit.snippet} size="sm" c="dimmed" lineClamp={2} />}
      </Stack>
    </Group>
  );
}
