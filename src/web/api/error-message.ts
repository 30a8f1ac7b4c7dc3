import { useTranslation } from 'react-i18next';
import { ApiError } from './client.js';

/**
 * What to tell a person when a request fails. English shows the server's own detail (the
 * most specific text); other languages show the translated meaning of the error code.
 */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const known = t(`errors.${error.code}`, { defaultValue: '' });
      const english = (i18n.resolvedLanguage ?? 'en') === 'en';
      if (english && error.detail && error.code !== 'internal' && error.code !== 'network_error') return error.detail;
      if (known) return known;
      return error.detail ?? error.title;
    }
    return t('errors.unknown');
  };
}

/** Field errors of a validation failure, translated when the interface is not in English. */
export function useFieldErrors() {
  const { t, i18n } = useTranslation();
  return (error: unknown): Record<string, string> => {
    if (!(error instanceof ApiError) || !error.errors) return {};
    const english = (i18n.resolvedLanguage ?? 'en') === 'en';
    const out = error.fieldErrors();
    if (!english) for (const key of Object.keys(out)) out[key] = t('errors.field_invalid');
    return out;
  };
}
