import { type Catalogue, en } from '../../src/web/i18n/en.js';
import { enDiscovery } from '../../src/web/i18n/en-discovery.js';
import { enStrategy } from '../../src/web/i18n/en-strategy.js';
import { fr } from '../../src/web/i18n/fr.js';
import { frDiscovery } from '../../src/web/i18n/fr-discovery.js';
import { frStrategy } from '../../src/web/i18n/fr-strategy.js';

/** The interface strings the page objects look for, in the language of the browser under test. */
export type Strings = Catalogue & typeof enDiscovery & typeof enStrategy;
export const STRINGS: Record<'en' | 'fr', Strings> = {
  en: { ...en, ...enDiscovery, ...enStrategy },
  fr: { ...fr, ...frDiscovery, ...frStrategy } as Strings,
};

/** Fills {{placeholders}} the way i18next does. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Matches an accessible name that begins with the text (role names include descriptions). */
export function startsWith(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}
