import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateWorkspaceForm } from './create-workspace-form.js';

export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('workspace.createTitle')}</Text>} size="md">
      <Text size="sm" c="dimmed" mb="md">
        {t('workspace.createIntro')}
      </Text>
      {opened && <CreateWorkspaceForm onCreated={onClose} />}
    </Modal>
  );
}
