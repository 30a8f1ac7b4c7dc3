import { type CSSVariablesResolver, createTheme, localStorageColorSchemeManager, type MantineColorsTuple } from '@mantine/core';

/** Cairn indigo: the brand colour of the logo and primary actions. */
const cairn: MantineColorsTuple = [
  '#eef0ff',
  '#dcdefa',
  '#b6baef',
  '#8e94e5',
  '#6c73dc',
  '#565ed7',
  '#4a53d5',
  '#3b44bd',
  '#333caa',
  '#283396',
];

/** A cool, slightly blue-tinted dark scale: surfaces read as layers, text stays crisp. */
const dark: MantineColorsTuple = [
  '#e4e5e9',
  '#c1c3ca',
  '#9a9ca5',
  '#71747e',
  '#43454d',
  '#34363d',
  '#2a2b31',
  '#1f2025',
  '#18191d',
  '#121316',
];

export const theme = createTheme({
  primaryColor: 'cairn',
  primaryShade: { light: 7, dark: 5 },
  colors: { cairn, dark },
  fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "JetBrains Mono", Menlo, "DejaVu Sans Mono", monospace',
  headings: {
    fontFamily:
      'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif',
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.625rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.3' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.35' },
      h4: { fontSize: '0.9375rem', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { radius: 'lg', withBorder: true, padding: 'lg' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Modal: { defaultProps: { radius: 'lg', centered: true, overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none', letterSpacing: 0, fontWeight: 600 } } },
    Table: { styles: { th: { fontSize: 12, fontWeight: 600, color: 'var(--mantine-color-dimmed)' } } },
  },
});

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'cairn.color-scheme' });

/** Secondary text dark (or light) enough for WCAG AA contrast on every surface we use. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5f6672', '--cairn-warning-text': '#9a4a00', '--cairn-success-text': '#087f5b' },
  dark: {
    '--mantine-color-dimmed': '#9a9ca5',
    '--cairn-warning-text': '#f2b766',
    '--cairn-success-text': '#63e6be',
    '--mantine-color-anchor': 'var(--mantine-color-cairn-3)',
  },
});
