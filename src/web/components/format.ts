import { useTranslation } from 'react-i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Formatters = ReturnType<typeof formattersFor>;

function formattersFor(locale: string) {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    relative: (iso: string, now = Date.now()) => {
      const diff = new Date(iso).getTime() - now;
      const abs = Math.abs(diff);
      if (abs < MINUTE) return relative.format(0, 'second');
      if (abs < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute');
      if (abs < DAY) return relative.format(Math.round(diff / HOUR), 'hour');
      if (abs < 30 * DAY) return relative.format(Math.round(diff / DAY), 'day');
      return date.format(new Date(iso));
    },
  };
}

/**
 * Made once per language: building Intl formatters is costly (tens of milliseconds at the
 * first, milliseconds after), and every row of a list asks for them.
 */
const byLocale = new Map<string, Formatters>();

/** Dates in the interface language: "3 min ago", "12 Mar 2026, 14:05". */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  let formatters = byLocale.get(locale);
  if (!formatters) {
    formatters = formattersFor(locale);
    byLocale.set(locale, formatters);
  }
  return formatters;
}
