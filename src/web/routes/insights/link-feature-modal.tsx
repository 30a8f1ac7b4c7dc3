import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSparkles } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE } from '../../../contract/discovery.js';
import { isQuoteOf } from '../../../domain/discovery/quote.js';
import { isApiError } from '../../api/client.js';
import { type FeatureDto, featureQuery, featuresQuery, type ImportanceValue, type InsightDto } from '../../api/discovery.js';
import { useCreateFeature, useLinkInsight } from '../../api/discovery-mutations.js';
import { useErrorMessage } from '../../api/error-message.js';
import { FeatureStatusBadge } from '../../components/discovery/badges.js';
import { rememberLink } from './session-links.js';

const CREATE = '__create__';

export interface LinkRequest {
  insights: InsightDto[];
  featureId?: string | undefined;
  highlight?: string | undefined;
}

/** Links the focused (or selected) insights to a feature, found by typing or created on the spot. */
export function LinkFeatureModal({ workspace, request, onClose }: { workspace: string; request: LinkRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const count = request?.insights.length ?? 0;
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      size="lg"
      title={<Text fw={650}>{count > 1 ? t('insights.link.titleMany', { count }) : t('insights.link.title')}</Text>}
    >
      {request && <LinkForm workspace={workspace} request={request} onClose={onClose} />}
    </Modal>
  );
}

function LinkForm({ workspace, request, onClose }: { workspace: string; request: LinkRequest; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const single = request.insights.length === 1 ? request.insights[0] : undefined;
  const [featureId, setFeatureId] = useState<string | null>(request.featureId ?? null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [highlight, setHighlight] = useState(request.highlight ?? '');
  const [importance, setImportance] = useState<ImportanceValue>(single?.importance ?? 'important');
  const [created, setCreated] = useState<FeatureDto | null>(null);
  const initial = useQuery({ ...featureQuery(workspace, request.featureId ?? ''), enabled: request.featureId !== undefined });
  const features = useInfiniteQuery(featuresQuery(workspace, { q: debounced.trim() }, 30));
  const createFeature = useCreateFeature(workspace);
  const link = useLinkInsight(workspace);
  const [error, setError] = useState<unknown>(null);

  const items = features.data?.pages.flatMap((p) => p.items) ?? [];
  const known = new Map<string, FeatureDto>(items.map((f) => [f.id, f]));
  if (initial.data) known.set(initial.data.id, initial.data);
  if (created) known.set(created.id, created);
  const options = [...known.values()].map((f) => ({ value: f.id, label: f.title }));
  const title = search.trim();
  const exact = [...known.values()].some((f) => f.title.toLowerCase() === title.toLowerCase());
  if (title && !exact) options.push({ value: CREATE, label: t('insights.link.create', { title }) });
  const chosen = featureId ? known.get(featureId) : undefined;
  // A highlight quotes the feedback: the server refuses words that are not in it.
  const badQuote = single !== undefined && highlight.trim() !== '' && !isQuoteOf(single.text, highlight);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || badQuote) return;
    setError(null);
    let linked = 0;
    for (const insight of request.insights) {
      try {
        await link.mutateAsync({
          featureId: chosen.id,
          insightId: insight.id,
          importance,
          ...(single && highlight.trim() && { highlight: highlight.trim() }),
        });
        rememberLink(insight.id, { id: chosen.id, title: chosen.title });
        linked++;
      } catch (e) {
        if (isApiError(e, 'conflict')) {
          rememberLink(insight.id, { id: chosen.id, title: chosen.title });
          if (single) {
            setError(e);
            return;
          }
          continue;
        }
        setError(e);
        return;
      }
    }
    notifications.show({
      color: 'teal',
      icon: <IconSparkles size={16} aria-hidden />,
      message:
        linked > 1
          ? t('insights.link.linkedMany', { count: linked, title: chosen.title })
          : t('insights.link.linked', { title: chosen.title }),
    });
    onClose();
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {single && (
          <Text size="sm" c="dimmed" lineClamp={3} style={{ borderLeft: '3px solid var(--mantine-color-cairn-3)', paddingLeft: 10 }}>
            {single.text}
          </Text>
        )}
        <Select
          label={t('insights.link.feature')}
          placeholder={t('insights.link.featurePlaceholder')}
          searchable
          data={options}
          value={featureId}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={features.isFetching ? t('common.loading') : t('insights.link.noFeature')}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
          data-testid="feature-picker"
          disabled={createFeature.isPending}
          renderOption={({ option }) =>
            option.value === CREATE ? (
              <Group gap={6} wrap="nowrap">
                <IconPlus size={14} aria-hidden />
                <Text size="sm" fw={600}>
                  {option.label}
                </Text>
              </Group>
            ) : (
              <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
                <Text size="sm" truncate>
                  {option.label}
                </Text>
                {known.get(option.value) && <FeatureStatusBadge status={(known.get(option.value) as FeatureDto).status} size="xs" />}
              </Group>
            )
          }
          onChange={(id) => {
            if (id === CREATE) {
              createFeature.mutate(
                { title },
                {
                  onSuccess: (feature) => {
                    setCreated(feature);
                    setFeatureId(feature.id);
                    setSearch(feature.title);
                    notifications.show({ message: t('insights.link.created', { title: feature.title }) });
                  },
                  onError: (e) => setError(e),
                },
              );
              return;
            }
            setFeatureId(id);
          }}
        />
        {single && (
          <Textarea
            label={t('insights.link.highlight')}
            description={t('insights.link.highlightHint')}
            placeholder={t('insights.link.highlightPlaceholder')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            value={highlight}
            onChange={(e) => setHighlight(e.currentTarget.value)}
            error={badQuote ? t('insights.link.highlightNotInText') : undefined}
          />
        )}
        <Stack gap={6}>
          <Text size="sm" fw={500} id="link-importance-label">
            {t('insights.link.importance')}
          </Text>
          <SegmentedControl
            aria-labelledby="link-importance-label"
            value={importance}
            onChange={(v) => setImportance(v as ImportanceValue)}
            data={IMPORTANCE.map((i) => ({ value: i, label: t(`discovery.importance.${i}`) }))}
          />
        </Stack>
        {error !== null && (
          <Alert color={isApiError(error, 'conflict') ? 'orange' : 'red'} variant="light" role="alert">
            {isApiError(error, 'conflict') ? t('insights.link.already') : errorMessage(error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!chosen || badQuote} loading={link.isPending} data-testid="confirm-link">
            {t('insights.link.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
