import { ActionIcon, Badge, Button, Group, Select, Skeleton, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../domain/roles.js';
import { useErrorMessage } from '../../api/error-message.js';
import { type MemberDto, membersQuery, meQuery } from '../../api/queries.js';
import { useRemoveMember, useUpdateMember } from '../../api/workspace-mutations.js';
import { useWorkspace } from '../../app/use-workspace.js';
import table from '../../components/data-table.module.css';
import { ErrorState } from '../../components/error-state.js';
import { useFormat } from '../../components/format.js';
import { Page, PageHeader } from '../../components/page-header.js';
import { PersonAvatar } from '../../components/workspace/workspace-avatar.js';
import { InviteMemberModal } from './invite-member-modal.js';
import { RemoveMemberModal } from './remove-member-modal.js';

/** Who works in this workspace, with which role; invitations waiting to be accepted. */
export function MembersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const members = useQuery(membersQuery(workspace.key));
  const { data: me } = useQuery(meQuery);
  const manage = workspace.can('members.manage');
  const [inviteOpened, invite] = useDisclosure(false);
  const [removing, setRemoving] = useState<MemberDto | null>(null);
  const updateMember = useUpdateMember(workspace.key);
  const removeMember = useRemoveMember(workspace.key);

  const changeRole = (member: MemberDto, role: Role) =>
    updateMember.mutate(
      { id: member.id, role, version: member.version },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('members.roleChanged', { name: member.name ?? member.email, role: t(`roles.${role}.label`) }),
          }),
        onError: (error) => notifications.show({ color: 'red', title: t('members.roleChangeFailed'), message: errorMessage(error) }),
      },
    );

  return (
    <Page>
      <PageHeader
        title={t('members.title')}
        description={t('members.description')}
        actions={
          manage && (
            <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={invite.open}>
              {t('members.invite')}
            </Button>
          )
        }
      />
      {members.isPending ? (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={56} radius="md" />
          ))}
        </Stack>
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" className={table.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.colPerson')}</Table.Th>
                <Table.Th w={220}>{t('members.role')}</Table.Th>
                <Table.Th w={210}>{t('members.colStatus')}</Table.Th>
                {manage && (
                  <Table.Th w={60}>
                    <VisuallyHidden>{t('members.colActions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => {
                const isMe = m.userId !== null && m.userId === me?.user.id;
                const display = m.name ?? m.email;
                return (
                  <Table.Tr key={m.id} data-testid="member-row">
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <PersonAvatar name={display} seed={m.userId ?? m.email} size={34} />
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm" fw={600} truncate>
                            {display}
                            {isMe && (
                              <Text span size="xs" c="dimmed" fw={400}>
                                {' '}
                                {t('members.you')}
                              </Text>
                            )}
                          </Text>
                          {m.name && (
                            <Text size="xs" c="dimmed" truncate>
                              {m.email}
                            </Text>
                          )}
                        </div>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {manage ? (
                        <Select
                          aria-label={t('members.roleOf', { name: display })}
                          size="xs"
                          value={m.role}
                          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}.label`) }))}
                          onChange={(v) => v && v !== m.role && changeRole(m, v as Role)}
                          allowDeselect={false}
                          comboboxProps={{ withinPortal: true }}
                          w={190}
                        />
                      ) : (
                        <Text size="sm">{t(`roles.${m.role}.label`)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {m.status === 'invited' ? (
                        <Tooltip label={m.invitedAt ? format.dateTime(m.invitedAt) : ''} disabled={!m.invitedAt}>
                          <Badge variant="light" color="yellow">
                            {t('members.invited')}
                          </Badge>
                        </Tooltip>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {m.joinedAt ? t('members.joined', { date: format.date(m.joinedAt) }) : t('members.active')}
                        </Text>
                      )}
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <Tooltip label={m.status === 'invited' ? t('members.cancelInvite') : t('members.remove')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={
                              m.status === 'invited'
                                ? t('members.cancelInviteOf', { name: display })
                                : t('members.removeNamed', { name: display })
                            }
                            onClick={() => setRemoving(m)}
                          >
                            <IconUserMinus size={17} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage && (
        <InviteMemberModal workspace={workspace.key} workspaceName={workspace.name} opened={inviteOpened} onClose={invite.close} />
      )}
      {manage && <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} remove={removeMember} />}
    </Page>
  );
}
