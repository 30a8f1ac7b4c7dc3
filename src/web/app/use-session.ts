import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { routes } from '../../contract/routes.js';
import { call } from '../api/client.js';
import { keys, type MeDto } from '../api/queries.js';
import { chooseLanguage, currentLanguage, type Language } from '../i18n/index.js';

/** Signs out, forgets every cached answer, and goes to the sign-in screen. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (redirect?: string) => {
    try {
      await call(routes.logout);
    } finally {
      queryClient.clear();
      await navigate({ to: '/login', search: redirect ? { redirect } : {} });
    }
  };
}

/** Switches the language, remembers it here, and saves it to the profile when signed in. */
export function useLanguageSwitch() {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const set = async (lang: Language) => {
    await chooseLanguage(lang);
    const me = queryClient.getQueryData<MeDto>(keys.me);
    if (me && me.user.locale !== lang) {
      try {
        const user = await call(routes.updateMe, { body: { locale: lang } });
        queryClient.setQueryData<MeDto>(keys.me, { ...me, user });
      } catch {
        // The choice still holds on this device; the profile catches up next time.
      }
    }
  };
  return {
    language: (i18n.resolvedLanguage ?? currentLanguage()) as Language,
    set,
    toggle: () => set(currentLanguage() === 'fr' ? 'en' : 'fr'),
  };
}

export function useThemeToggle() {
  const { setColorScheme, colorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  return {
    scheme: colorScheme,
    computed,
    set: setColorScheme,
    toggle: () => setColorScheme(computed === 'dark' ? 'light' : 'dark'),
  };
}
