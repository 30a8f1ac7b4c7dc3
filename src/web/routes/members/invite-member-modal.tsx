import { Alert, Button, CopyButton, Group, Modal, Radio, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../domain/roles.js';
import { useErrorMessage, useFieldErrors } from '../../api/error-message.js';
import { useInviteMember } from '../../api/workspace-mutations.js';
import choice from '../../components/choice-card.module.css';

export function InviteMemberModal({
  workspace,
  workspaceName,
  opened,
  onClose,
}: {
  workspace: string;
  workspaceName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{t('members.inviteTitle', { workspace: workspaceName })}</Text>}
      size="lg"
    >
      {opened && <InviteForm workspace={workspace} onClose={onClose} />}
    </Modal>
  );
}

/** Invite by email with a role; Cairn sends no mail, so the link is shown here to pass on. */
function InviteForm({ workspace, onClose }: { workspace: string; onClose: () => void }) {
  const { t } = useTranslation();
  const invite = useInviteMember(workspace);
  const errorMessage = useErrorMessage();
  const fieldErrors = useFieldErrors();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const errors = fieldErrors(invite.error);

  if (invite.data) {
    const link = invite.data.inviteUrl;
    return (
      <Stack gap="md">
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck size={18} aria-hidden />}
          title={t('members.invitedTitle', { email: invite.data.email })}
        >
          <Text size="sm">{t('members.invitedBody')}</Text>
        </Alert>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label={t('members.inviteLink')}
            value={link}
            readOnly
            leftSection={<IconLink size={16} aria-hidden />}
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1 }}
            data-testid="invite-link"
          />
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                <Button
                  onClick={copy}
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('members.linkOnce')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            onClick={() => {
              invite.reset();
              setEmail('');
            }}
          >
            {t('members.inviteAnother')}
          </Button>
          <Button onClick={onClose}>{t('common.done')}</Button>
        </Group>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (email.trim()) invite.mutate({ email: email.trim(), role });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('auth.email')}
          type="email"
          placeholder={t('members.emailPlaceholder')}
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          data-autofocus
        />
        <Radio.Group label={t('members.role')} value={role} onChange={(v) => setRole(v as Role)}>
          <Stack gap={6} mt="xs">
            {ROLES.map((r) => (
              <Radio.Card key={r} value={r} p="sm" className={choice.card}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <div>
                    <Text size="sm" fw={600}>
                      {t(`roles.${r}.label`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`roles.${r}.description`)}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        {invite.error && !errors.email && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(invite.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={invite.isPending} disabled={!email.trim()}>
            {t('members.sendInvite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
