import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import type { CustomerDto } from '../../api/discovery.js';
import { useCreateCustomer, useUpdateCustomer } from '../../api/discovery-mutations.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { ConflictAlert } from '../../components/conflict-alert.js';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY'];

/** Create a customer, or edit one (with the version it was read at). */
export function CustomerFormModal({
  workspace,
  customer,
  opened,
  onClose,
  onSaved,
}: {
  workspace: string;
  customer?: CustomerDto | undefined;
  opened: boolean;
  onClose: () => void;
  onSaved?: (customer: CustomerDto) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={<Text fw={650}>{customer ? t('customers.editTitle', { name: customer.name }) : t('customers.createTitle')}</Text>}
    >
      {opened && <CustomerForm workspace={workspace} customer={customer} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function CustomerForm({
  workspace,
  customer,
  onClose,
  onSaved,
}: {
  workspace: string;
  customer?: CustomerDto | undefined;
  onClose: () => void;
  onSaved?: ((customer: CustomerDto) => void) | undefined;
}) {
  const { t } = useTranslation();
  const create = useCreateCustomer(workspace);
  const update = useUpdateCustomer(workspace);
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const [name, setName] = useState(customer?.name ?? '');
  const [domain, setDomain] = useState(customer?.domain ?? '');
  const [segment, setSegment] = useState(customer?.segment ?? '');
  const [plan, setPlan] = useState(customer?.plan ?? '');
  const [size, setSize] = useState<number | string>(customer?.size ?? '');
  const [revenue, setRevenue] = useState<number | string>(customer?.revenue ?? '');
  const [currency, setCurrency] = useState<string>(customer?.currency ?? 'EUR');
  const [period, setPeriod] = useState<'month' | 'year'>(customer?.revenuePeriod ?? 'month');
  const [externalId, setExternalId] = useState(customer?.externalId ?? '');
  const [baseVersion, setBaseVersion] = useState(customer?.version ?? 0);
  const error = customer ? update.error : create.error;
  const errors = fieldErrors(error);
  const conflict = isApiError(error, 'version_conflict');

  const body = () => ({
    name: name.trim(),
    domain: domain.trim() || null,
    segment: segment.trim() || null,
    plan: plan.trim() || null,
    size: typeof size === 'number' ? size : null,
    revenue: typeof revenue === 'number' ? revenue : null,
    currency: typeof revenue === 'number' ? currency : null,
    revenuePeriod: period,
    externalId: externalId.trim() || null,
  });

  const done = (saved: CustomerDto) => {
    notifications.show({ color: 'teal', message: customer ? t('customers.saved') : t('customers.created', { name: saved.name }) });
    onSaved?.(saved);
    onClose();
  };

  const submit = (event?: FormEvent, version = baseVersion) => {
    event?.preventDefault();
    if (!name.trim()) return;
    if (customer) update.mutate({ id: customer.id, patch: body(), version }, { onSuccess: done });
    else create.mutate(body(), { onSuccess: done });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('customers.name')}
          placeholder={t('customers.namePlaceholder')}
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('customers.domain')}
            placeholder={t('customers.domainPlaceholder')}
            value={domain}
            onChange={(e) => setDomain(e.currentTarget.value)}
            error={errors.domain}
          />
          <TextInput
            label={t('customers.segment')}
            placeholder={t('customers.segmentPlaceholder')}
            value={segment}
            maxLength={80}
            onChange={(e) => setSegment(e.currentTarget.value)}
            error={errors.segment}
          />
          <TextInput
            label={t('customers.plan')}
            placeholder={t('customers.planPlaceholder')}
            value={plan}
            maxLength={80}
            onChange={(e) => setPlan(e.currentTarget.value)}
            error={errors.plan}
          />
          <NumberInput
            label={t('customers.size')}
            value={size}
            onChange={setSize}
            min={0}
            allowDecimal={false}
            thousandSeparator=" "
            error={errors.size}
          />
        </SimpleGrid>
        <Group gap="sm" align="flex-start" grow wrap="nowrap">
          <NumberInput
            label={t('customers.revenue')}
            value={revenue}
            onChange={setRevenue}
            min={0}
            thousandSeparator=" "
            error={errors.revenue}
          />
          <Select
            label={t('customers.currency')}
            data={CURRENCIES.includes(currency) ? CURRENCIES : [currency, ...CURRENCIES]}
            value={currency}
            onChange={(v) => v && setCurrency(v)}
            allowDeselect={false}
            searchable
            comboboxProps={{ withinPortal: true }}
            error={errors.currency}
          />
          <Select
            label={t('customers.revenuePeriod')}
            data={[
              { value: 'month', label: t('customers.perMonth') },
              { value: 'year', label: t('customers.perYear') },
            ]}
            value={period}
            onChange={(v) => v && setPeriod(v as 'month' | 'year')}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <TextInput
          label={t('customers.externalId')}
          description={t('customers.externalIdHint')}
          value={externalId}
          maxLength={200}
          onChange={(e) => setExternalId(e.currentTarget.value)}
          error={errors.externalId}
        />
        {conflict && customer ? (
          <ConflictAlert
            onReload={onClose}
            onOverwrite={() => {
              const latest = (error as { current?: CustomerDto }).current?.version ?? customer.version;
              setBaseVersion(latest);
              submit(undefined, latest);
            }}
            busy={update.isPending}
          />
        ) : (
          error &&
          Object.keys(errors).length === 0 && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(error)}
            </Alert>
          )
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} disabled={!name.trim()}>
            {customer ? t('common.saveChanges') : t('customers.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
