/**
 * How a CSV file's bytes become text, the same in the browser (to preview and map the
 * columns) and on the server (to import them): UTF-8 when the bytes are valid UTF-8 (a BOM
 * is dropped), otherwise Windows-1252, which is what spreadsheet programs in Western Europe
 * usually save. TextDecoder exists in both, so this needs no library.
 */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG Encoding Standard): curly quotes, the euro sign,
 * œ… Node's TextDecoder decodes them as the C1 controls U+0080–U+009F instead (nodejs/node
 * #60888, since 20.18.3), browsers do not; mapping what is left over makes both agree. The
 * five bytes Windows-1252 leaves undefined keep their C1 code point, as the standard says.
 */
// biome-ignore format: one row per 16 bytes
const C1_TO_WINDOWS_1252 = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];
const C1 = /[\u0080-\u009f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(C1, (c) => C1_TO_WINDOWS_1252[c.charCodeAt(0) - 0x80] ?? c);
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
