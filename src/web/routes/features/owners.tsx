import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { membersQuery } from '../../api/queries.js';

/** The members who can own a feature (active ones), and the name of any user who did. */
export function useOwners(ws: string) {
  const members = useQuery(membersQuery(ws));
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const m of members.data ?? []) if (m.userId) names.set(m.userId, m.name ?? m.email);
    const active = (members.data ?? []).flatMap((m) =>
      m.userId && m.status === 'active' ? [{ value: m.userId, label: m.name ?? m.email }] : [],
    );
    return {
      active,
      nameOf: (userId: string) => names.get(userId),
      isPending: members.isPending,
      isError: members.isError,
    };
  }, [members.data, members.isPending, members.isError]);
}

/** The feature's owner, picked among the workspace's members (or nobody). */
export function OwnerSelect({
  workspace,
  ownerId,
  canWrite,
  onChange,
}: {
  workspace: string;
  ownerId: string | null;
  canWrite: boolean;
  onChange: (ownerId: string | null) => void;
}) {
  const { t } = useTranslation();
  const owners = useOwners(workspace);
  // Someone who left the workspace still shows as the owner until another is chosen.
  const data =
    ownerId && !owners.active.some((o) => o.value === ownerId)
      ? [...owners.active, { value: ownerId, label: owners.nameOf(ownerId) ?? t('features.formerMember'), disabled: true }]
      : owners.active;
  return (
    <Select
      label={t('features.owner')}
      placeholder={owners.isPending ? t('common.loading') : t('features.noOwner')}
      data={data}
      value={ownerId}
      onChange={(next) => next !== ownerId && onChange(next)}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={t('features.noMemberFound')}
      disabled={!canWrite || owners.isPending}
      error={owners.isError ? t('features.ownersUnavailable') : undefined}
      comboboxProps={{ withinPortal: true }}
      data-testid="feature-owner"
    />
  );
}
