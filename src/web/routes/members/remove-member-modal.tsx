import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../api/error-message.js';
import type { MemberDto } from '../../api/queries.js';
import type { useRemoveMember } from '../../api/workspace-mutations.js';

export function RemoveMemberModal({
  member,
  onClose,
  remove,
}: {
  member: MemberDto | null;
  onClose: () => void;
  remove: ReturnType<typeof useRemoveMember>;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const display = member ? (member.name ?? member.email) : '';
  const invited = member?.status === 'invited';
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={member !== null}
      onClose={close}
      title={
        <Text fw={650}>{invited ? t('members.cancelInviteTitle', { name: display }) : t('members.removeTitle', { name: display })}</Text>
      }
    >
      <Stack gap="md">
        <Text size="sm">{invited ? t('members.cancelInviteBody') : t('members.removeBody')}</Text>
        {remove.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              member &&
              remove.mutate(member.id, {
                onSuccess: () => {
                  notifications.show({
                    message: invited ? t('members.inviteCancelled', { name: display }) : t('members.removed', { name: display }),
                  });
                  close();
                },
              })
            }
          >
            {invited ? t('members.cancelInvite') : t('members.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
