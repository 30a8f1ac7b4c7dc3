// Runs before the app: applies the remembered (or system) colour scheme and language.
(() => {
  var stored;
  var scheme;
  var lang;
  try {
    stored = window.localStorage.getItem('cairn.color-scheme');
    scheme =
      stored === 'light' || stored === 'dark' ? stored : window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
    lang = window.localStorage.getItem('cairn.lang');
    if (lang === 'en' || lang === 'fr') document.documentElement.lang = lang;
  } catch (_e) {
    /* storage unavailable: the app falls back to defaults */
  }
})();
