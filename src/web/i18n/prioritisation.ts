import { enPrioritisation } from './en-prioritisation.js';
import { frPrioritisation } from './fr-prioritisation.js';
import { i18n } from './index.js';

/**
 * Prioritisation's strings (ranked table, explanations, scoring rules) arrive with its
 * screens instead of with the first screen: each of them imports this module, which adds
 * them to both languages before the screen renders.
 */
i18n.addResourceBundle('en', 'translation', enPrioritisation, true, true);
i18n.addResourceBundle('fr', 'translation', frPrioritisation, true, true);
