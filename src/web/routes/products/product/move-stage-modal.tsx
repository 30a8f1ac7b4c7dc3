import { Alert, Button, Group, List, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTransition, openGateItems, STAGES, type Stage } from '../../../../domain/lifecycle.js';
import { useErrorMessage } from '../../../api/error-message.js';
import { useMoveStage } from '../../../api/product-mutations.js';
import type { ProductDto } from '../../../api/queries.js';
import { gateLabel } from '../../../components/activity/describe.js';
import choice from '../../../components/choice-card.module.css';
import { StageBadge } from '../../../components/stage-badge.js';

export function MoveStageModal({
  product,
  workspace,
  opened,
  onClose,
}: {
  product: ProductDto;
  workspace: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{t('lifecycle.moveTitle', { name: product.name })}</Text>} size="lg">
      {opened && <MoveStageForm product={product} workspace={workspace} onClose={onClose} />}
    </Modal>
  );
}

/**
 * Every stage is listed; the domain rules say which moves are possible and why the others
 * are not, before anything is sent. Moving back or retiring asks for a note.
 */
function MoveStageForm({ product, workspace, onClose }: { product: ProductDto; workspace: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const move = useMoveStage(workspace, product.id);
  const [target, setTarget] = useState<Stage | null>(null);
  const [note, setNote] = useState('');
  // Structural verdict: what the rules say with a note given (a missing note is asked for below).
  const structural = (to: Stage) => checkTransition(product.stage, to, 'note');
  const verdict = target ? checkTransition(product.stage, target, note) : null;
  const preview = target ? structural(target) : null;
  const open = openGateItems(product.stage, product.checklist);
  const forward = preview?.allowed === true && preview.kind === 'forward';
  const noteRequired = preview?.allowed === true && preview.noteRequired;

  const submit = () => {
    if (!target || !verdict?.allowed) return;
    move.mutate(
      { stage: target, ...(note.trim() && { note: note.trim() }) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('lifecycle.movedToast', { name: product.name, stage: t(`stages.${target}`) }) });
          onClose();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('lifecycle.chooseStage')}
        description={t('lifecycle.currentlyIn', { stage: t(`stages.${product.stage}`) })}
        value={target ?? ''}
        onChange={(value) => setTarget(value as Stage)}
      >
        <Stack gap={6} mt="sm">
          {STAGES.filter((s) => s !== product.stage).map((stage) => {
            const v = structural(stage);
            return (
              <Radio.Card key={stage} value={stage} disabled={!v.allowed} className={choice.card} p="sm" aria-describedby={`why-${stage}`}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator disabled={!v.allowed} mt={2} />
                  <Stack gap={2} style={{ flex: 1 }}>
                    <Group gap="xs">
                      <StageBadge stage={stage} />
                      {v.allowed && v.kind !== 'forward' && (
                        <Text size="xs" c="dimmed">
                          {t('lifecycle.noteNeeded')}
                        </Text>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" id={`why-${stage}`}>
                      {v.allowed
                        ? v.kind === 'forward' && v.skipped.length > 0
                          ? t('lifecycle.skips', { stages: v.skipped.map((s) => t(`stages.${s}`)).join(', ') })
                          : t(`lifecycle.kind.${v.kind}`)
                        : t(`lifecycle.refusal.${v.reason}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            );
          })}
        </Stack>
      </Radio.Group>

      {forward && open.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('lifecycle.openItemsTitle', { stage: t(`stages.${product.stage}`) })}
        >
          <List size="sm" spacing={2} mb={6}>
            {open.map((item) => (
              <List.Item key={item}>{gateLabel(t, `${product.stage}.${item}`)}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('lifecycle.openItemsBody')}
          </Text>
        </Alert>
      )}

      <Textarea
        label={t('lifecycle.note')}
        description={noteRequired ? t('lifecycle.noteRequiredHint') : t('lifecycle.noteHint')}
        placeholder={t('lifecycle.notePlaceholder')}
        required={noteRequired}
        autosize
        minRows={3}
        maxRows={8}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />

      {target && verdict && !verdict.allowed && verdict.reason === 'note_required' && (
        <Text size="sm" c="dimmed" role="status">
          <IconInfoCircle size={14} style={{ verticalAlign: -2, marginRight: 4 }} aria-hidden />
          {t('lifecycle.refusal.note_required')}
        </Text>
      )}

      {move.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(move.error)}
        </Alert>
      )}

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} disabled={!verdict?.allowed} loading={move.isPending} data-testid="confirm-move-stage">
          {target ? t('lifecycle.moveTo', { stage: t(`stages.${target}`) }) : t('lifecycle.move')}
        </Button>
      </Group>
    </Stack>
  );
}
