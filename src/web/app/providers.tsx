import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../i18n/index.js';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme.js';

/**
 * Mantine's own buttons (close a dialog, clear a field, show a password) get labels in
 * the interface language, so screen readers never meet an unnamed or English-only control.
 */
function LocalizedMantine({ children }: { children: ReactNode }) {
  const { t, i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels change with the language
  const localized = useMemo(() => {
    const close = { 'aria-label': t('common.close') };
    const clear = { 'aria-label': t('common.clear') };
    return mergeThemeOverrides(theme, {
      components: {
        Modal: { defaultProps: { closeButtonProps: close } },
        Drawer: { defaultProps: { closeButtonProps: close } },
        Notification: { defaultProps: { closeButtonProps: close } },
        Select: { defaultProps: { clearButtonProps: clear } },
        PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('auth.togglePassword') } } },
      },
    });
  }, [language, t]);
  return (
    <MantineProvider
      theme={localized}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
    >
      {children}
    </MantineProvider>
  );
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedMantine>
        <Notifications position="bottom-right" limit={4} />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalizedMantine>
    </I18nextProvider>
  );
}
