import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { meQuery } from '../api/queries.js';
import { currentLanguage, i18n, isLanguage, storedLanguage } from '../i18n/index.js';

/**
 * The profile's language applies on a device where nobody chose one yet (a choice made
 * here wins; without either, the browser's language).
 */
export function useProfileLanguage() {
  const { data: me } = useQuery(meQuery);
  const locale = me?.user.locale;
  useEffect(() => {
    if (isLanguage(locale) && storedLanguage() === null && locale !== currentLanguage()) void i18n.changeLanguage(locale);
  }, [locale]);
}
