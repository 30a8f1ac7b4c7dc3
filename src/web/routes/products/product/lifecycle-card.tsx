import { Button, Card, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconArrowsRightLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STAGES, stageIndex } from '../../../../domain/lifecycle.js';
import type { ProductDto } from '../../../api/queries.js';
import { MoveStageModal } from './move-stage-modal.js';

/** Where the product is in its life, as a stepper, with the way to move it on (or back). */
export function LifecycleCard({ product, workspace, canStage }: { product: ProductDto; workspace: string; canStage: boolean }) {
  const { t } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 62em)');
  const active = stageIndex(product.stage);
  const retired = product.stage === 'retired';
  return (
    <Card component="section" aria-labelledby="lifecycle-title">
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="h3" id="lifecycle-title">
            {t('lifecycle.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`lifecycle.about.${product.stage}`)}
          </Text>
        </Stack>
        {canStage && !retired && (
          <Button variant="light" leftSection={<IconArrowsRightLeft size={16} aria-hidden />} onClick={modal.open} data-testid="move-stage">
            {t('lifecycle.move')}
          </Button>
        )}
      </Group>
      <Stepper
        active={retired ? STAGES.length : active}
        size="sm"
        orientation={narrow ? 'vertical' : 'horizontal'}
        allowNextStepsSelect={false}
        aria-label={t('lifecycle.title')}
        iconSize={30}
      >
        {STAGES.map((stage, index) => (
          <Stepper.Step
            key={stage}
            label={t(`stages.${stage}`)}
            description={index === active ? t('lifecycle.current') : undefined}
            aria-current={index === active ? 'step' : undefined}
            color={stage === 'retired' && retired ? 'gray' : undefined}
          />
        ))}
      </Stepper>
      {canStage && <MoveStageModal product={product} workspace={workspace} opened={opened} onClose={modal.close} />}
    </Card>
  );
}
