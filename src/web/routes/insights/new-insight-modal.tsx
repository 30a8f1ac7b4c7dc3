import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE, INSIGHT_SOURCES } from '../../../contract/discovery.js';
import type { ImportanceValue, InsightDto, InsightSourceValue } from '../../api/discovery.js';
import { useCreateInsight } from '../../api/discovery-mutations.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { productsQuery } from '../../api/queries.js';
import { CustomerPicker, type CustomerRefValue } from '../../components/discovery/customer-picker.js';

/** Feedback as you hear it: the words, where it came from, who said it. */
export function NewInsightModal({
  workspace,
  opened,
  onClose,
  onCreated,
  canCreateCustomer,
  suggestions,
}: {
  workspace: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (insight: InsightDto) => void;
  canCreateCustomer: boolean;
  suggestions: string[];
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('insights.form.title')}</Text>} size="lg">
      {opened && (
        <NewInsightForm
          workspace={workspace}
          onClose={onClose}
          onCreated={onCreated}
          canCreateCustomer={canCreateCustomer}
          suggestions={suggestions}
        />
      )}
    </Modal>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function NewInsightForm({
  workspace,
  onClose,
  onCreated,
  canCreateCustomer,
  suggestions,
}: {
  workspace: string;
  onClose: () => void;
  onCreated: (insight: InsightDto) => void;
  canCreateCustomer: boolean;
  suggestions: string[];
}) {
  const { t } = useTranslation();
  const create = useCreateInsight(workspace);
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const products = useInfiniteQuery(productsQuery(workspace, { archived: 'false' }));
  const productItems = products.data?.pages.flatMap((p) => p.items) ?? [];
  const [text, setText] = useState('');
  const [source, setSource] = useState<InsightSourceValue>('interview');
  const [customer, setCustomer] = useState<CustomerRefValue | null>(null);
  const [personName, setPersonName] = useState('');
  const [personEmail, setPersonEmail] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [importance, setImportance] = useState<ImportanceValue>('important');
  const [receivedAt, setReceivedAt] = useState(today());
  const [productId, setProductId] = useState<string | null>(null);
  const [externalId, setExternalId] = useState('');
  const errors = fieldErrors(create.error);

  const submit = (another: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!text.trim()) return;
    create.mutate(
      {
        text: text.trim(),
        source,
        importance,
        ...(customer && { customerId: customer.id }),
        ...(personName.trim() && { personName: personName.trim() }),
        ...(personEmail.trim() && { personEmail: personEmail.trim() }),
        ...(tags.length && { tags }),
        // Today means now (a bare date would read as midnight UTC).
        ...(receivedAt && receivedAt !== today() && { receivedAt }),
        ...(productId && { productId }),
        ...(externalId.trim() && { externalId: externalId.trim() }),
      },
      {
        onSuccess: (insight) => {
          notifications.show({ color: 'teal', message: t('insights.form.created') });
          onCreated(insight);
          if (another) {
            setText('');
            setPersonName('');
            setPersonEmail('');
            setExternalId('');
          } else onClose();
        },
      },
    );
  };

  return (
    <form onSubmit={submit(false)} noValidate>
      <Stack gap="md">
        <Textarea
          label={t('insights.form.text')}
          placeholder={t('insights.form.textPlaceholder')}
          required
          autosize
          minRows={4}
          maxRows={12}
          maxLength={20000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(false)();
          }}
          error={errors.text}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('insights.form.source')}
            data={INSIGHT_SOURCES.map((s) => ({ value: s, label: t(`discovery.sources.${s}`) }))}
            value={source}
            onChange={(v) => v && setSource(v as InsightSourceValue)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('insights.form.receivedAt')}
            type="date"
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.currentTarget.value)}
            error={errors.receivedAt}
          />
        </SimpleGrid>
        <CustomerPicker
          workspace={workspace}
          label={t('insights.form.customer')}
          description={t('insights.form.customerHint')}
          value={customer}
          onChange={setCustomer}
          canCreate={canCreateCustomer}
          error={errors.customerId}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('insights.form.personName')}
            placeholder={t('insights.form.personNamePlaceholder')}
            value={personName}
            maxLength={200}
            onChange={(e) => setPersonName(e.currentTarget.value)}
          />
          <TextInput
            label={t('insights.form.personEmail')}
            type="email"
            value={personEmail}
            maxLength={254}
            onChange={(e) => setPersonEmail(e.currentTarget.value)}
            error={errors.personEmail}
          />
        </SimpleGrid>
        <Stack gap={6}>
          <Text size="sm" fw={500} id="new-insight-importance">
            {t('insights.form.importance')}
          </Text>
          <SegmentedControl
            aria-labelledby="new-insight-importance"
            value={importance}
            onChange={(v) => setImportance(v as ImportanceValue)}
            data={IMPORTANCE.map((i) => ({ value: i, label: t(`discovery.importance.${i}`) }))}
          />
        </Stack>
        <TagsInput
          label={t('discovery.tags')}
          placeholder={t('discovery.tagsPlaceholder')}
          data={suggestions}
          value={tags}
          onChange={setTags}
          maxTags={30}
          splitChars={[',', ';']}
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('insights.form.product')}
            placeholder={t('discovery.noProduct')}
            data={productItems.map((p) => ({ value: p.id, label: p.name }))}
            value={productId}
            onChange={setProductId}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('insights.form.externalId')}
            description={t('insights.form.externalIdHint')}
            value={externalId}
            maxLength={200}
            onChange={(e) => setExternalId(e.currentTarget.value)}
            error={errors.externalId}
          />
        </SimpleGrid>
        {create.error && Object.keys(errors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" onClick={() => submit(true)()} disabled={!text.trim()} loading={create.isPending}>
            {t('insights.form.createAnother')}
          </Button>
          <Button type="submit" loading={create.isPending} disabled={!text.trim()}>
            {t('insights.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
