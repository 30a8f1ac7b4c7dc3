import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersQuery } from '../../api/discovery.js';
import { useCreateCustomer } from '../../api/discovery-mutations.js';

export interface CustomerRefValue {
  id: string;
  name: string;
  segment?: string | null;
}

const CREATE = '__create__';

/**
 * Picks a customer by typing part of their name or domain (searched on the server). With
 * `canCreate`, a name nobody has yet can be added on the spot.
 */
export function CustomerPicker({
  workspace,
  value,
  onChange,
  canCreate = false,
  ...props
}: {
  workspace: string;
  value: CustomerRefValue | null;
  onChange: (customer: CustomerRefValue | null) => void;
  canCreate?: boolean;
} & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 200);
  const typed = search !== (value?.name ?? '');
  const customers = useInfiniteQuery(customersQuery(workspace, { q: typed ? debounced.trim() : '' }, 30));
  const create = useCreateCustomer(workspace);
  const items = customers.data?.pages.flatMap((p) => p.items) ?? [];
  const options = items.map((c) => ({ value: c.id, label: c.name }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.name });
  const name = search.trim();
  if (canCreate && typed && name && !items.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    options.push({ value: CREATE, label: t('insights.form.newCustomer', { name }) });
  }

  return (
    <Select
      searchable
      clearable
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={customers.isFetching ? t('common.loading') : t('discovery.noCustomerFound')}
      placeholder={t('discovery.searchCustomers')}
      comboboxProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      disabled={create.isPending}
      onChange={(id) => {
        if (id === CREATE) {
          create.mutate({ name }, { onSuccess: (c) => onChange({ id: c.id, name: c.name, segment: c.segment }) });
          return;
        }
        if (!id) return onChange(null);
        const found = items.find((c) => c.id === id);
        onChange(found ? { id: found.id, name: found.name, segment: found.segment } : value);
      }}
      {...props}
    />
  );
}
