import { enDiscovery } from './en-discovery.js';
import { frDiscovery } from './fr-discovery.js';
import { i18n } from './index.js';

/**
 * Discovery's strings (insights, imports, features, customers, search) arrive with its
 * pages instead of with the first screen: each discovery page imports this module, which
 * adds them to both languages before the page renders.
 */
i18n.addResourceBundle('en', 'translation', enDiscovery, true, true);
i18n.addResourceBundle('fr', 'translation', frDiscovery, true, true);
