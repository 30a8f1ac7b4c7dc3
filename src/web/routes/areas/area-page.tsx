import { Badge, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCheck } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.js';
import { Page } from '../../components/page-header.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { AREA_ICONS, type Area, isArea } from './areas.js';

const POINTS = ['point1', 'point2', 'point3', 'point4'] as const;

/** An area that is not built yet: what it will do for a PM or PO, and what to use meanwhile. */
export function AreaPage() {
  const { t } = useTranslation();
  const { workspace, area } = useParams({ strict: false }) as { workspace: string; area: string };
  const key: Area = isArea(area) ? area : 'roadmap';
  const Icon = AREA_ICONS[key];
  useDocumentTitle(t(`areas.${key}.title`));
  return (
    <Page width={880}>
      <Card padding={40} radius="xl" mt="md">
        <Stack gap="lg">
          <Group gap="md" align="center">
            <ThemeIcon size={52} radius="lg" variant="light">
              <Icon size={28} stroke={1.6} aria-hidden />
            </ThemeIcon>
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={1}>{t(`areas.${key}.title`)}</Title>
                <Badge variant="light" color="gray" size="lg">
                  {t('areas.comingSoon')}
                </Badge>
              </Group>
              <Text c="dimmed">{t(`areas.${key}.tagline`)}</Text>
            </Stack>
          </Group>
          <Text size="md" lh={1.65}>
            {t(`areas.${key}.summary`)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {POINTS.map((point) => (
              <Card key={point} withBorder radius="md" padding="md" bg="var(--mantine-color-body)">
                <List
                  spacing={0}
                  icon={
                    <ThemeIcon size={20} radius="xl" variant="light" color="teal">
                      <IconCheck size={13} aria-hidden />
                    </ThemeIcon>
                  }
                >
                  <List.Item>
                    <Text size="sm">{t(`areas.${key}.${point}`)}</Text>
                  </List.Item>
                </List>
              </Card>
            ))}
          </SimpleGrid>
          <Card radius="md" padding="md" bg="var(--cairn-subtle-bg)">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" style={{ flex: 1, minWidth: 220 }}>
                {t('areas.meanwhile')}
              </Text>
              <ButtonLink
                to="/w/$workspace/products"
                params={{ workspace }}
                variant="light"
                rightSection={<IconArrowRight size={16} aria-hidden />}
              >
                {t('areas.goToProducts')}
              </ButtonLink>
            </Group>
          </Card>
        </Stack>
      </Card>
    </Page>
  );
}
