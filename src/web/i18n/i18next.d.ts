import 'i18next';
import type { en } from './en.js';
import type { enDiscovery } from './en-discovery.js';
import type { enPrioritisation } from './en-prioritisation.js';
import type { enStrategy } from './en-strategy.js';

// Typed keys: a t('…') call with a key missing from the English catalogue fails type-checking.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Discovery's strings load with its pages (i18n/discovery.ts); typed all the same.
    resources: { translation: typeof en & typeof enDiscovery & typeof enStrategy & typeof enPrioritisation };
  }
}
