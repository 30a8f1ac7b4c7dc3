import { enStrategy } from './en-strategy.js';
import { frStrategy } from './fr-strategy.js';
import { i18n } from './index.js';

/**
 * Strategy's strings (objectives, key results) arrive with its pages instead of with the
 * first screen: each strategy page (and the feature page's objectives card) imports this
 * module, which adds them to both languages before the page renders.
 */
i18n.addResourceBundle('en', 'translation', enStrategy, true, true);
i18n.addResourceBundle('fr', 'translation', frStrategy, true, true);
