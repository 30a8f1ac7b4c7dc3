import { ActionIcon, Anchor, Box, Center, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguageSwitch, useThemeToggle } from '../../app/use-session.js';
import { Logo } from '../../components/logo.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import classes from './auth.module.css';

/** The frame of the screens before sign-in: the mark, one card, preferences at the bottom. */
export function AuthLayout({
  title,
  subtitle,
  children,
  width = 420,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  const language = useLanguageSwitch();
  const theme = useThemeToggle();
  useDocumentTitle(typeof title === 'string' ? title : null);
  return (
    <Box className={classes.page}>
      <Center component="main" mih="100dvh" p="md">
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <Logo size={34} />
          </Center>
          <Paper className={classes.card} p={{ base: 'lg', sm: 32 }} radius="lg" withBorder>
            <Stack gap={6} mb="lg">
              <Title order={1} fz={22}>
                {title}
              </Title>
              {subtitle && (
                <Text size="sm" c="dimmed">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          <Group justify="center" gap="md">
            <Anchor
              component="button"
              type="button"
              size="xs"
              c="dimmed"
              onClick={() => void language.toggle()}
              lang={language.language === 'fr' ? 'en' : 'fr'}
            >
              {language.language === 'fr' ? t('languages.en') : t('languages.fr')}
            </Anchor>
            <Text size="xs" c="dimmed" aria-hidden>
              ·
            </Text>
            <Tooltip label={theme.computed === 'dark' ? t('palette.lightTheme') : t('palette.darkTheme')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                onClick={theme.toggle}
                aria-label={theme.computed === 'dark' ? t('palette.lightTheme') : t('palette.darkTheme')}
              >
                {theme.computed === 'dark' ? <IconSun size={15} aria-hidden /> : <IconMoon size={15} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Stack>
      </Center>
    </Box>
  );
}
