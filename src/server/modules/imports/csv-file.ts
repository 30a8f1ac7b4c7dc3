import Papa from 'papaparse';

/** A CSV file decoded and split into records, with the problems a person can fix. */
export interface ParsedCsv {
  header: string[];
  /** Data records with their 1-based line number in the file (the header is line 1). */
  records: { line: number; cells: string[] }[];
  /** Problems tied to a line (bad quotes, wrong number of columns). */
  lineErrors: Map<number, string>;
  encoding: 'utf-8' | 'windows-1252';
}

export class CsvFileError extends Error {}

/**
 * Decodes UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as
 * Windows-1252, which is what spreadsheet programs in Western Europe usually save.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: ParsedCsv['encoding'] } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const { text, encoding } = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new CsvFileError('This file contains binary data; export it as CSV from your spreadsheet.');
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = result.data;
  const headerRow = rows[0];
  if (!headerRow || headerRow.every((h) => h.trim() === '')) throw new CsvFileError('The file is empty or has no header row.');
  const header = headerRow.map((h) => h.trim());
  const lineErrors = new Map<number, string>();
  for (const error of result.errors) {
    if (error.row === undefined) continue;
    const line = error.row + 1;
    const reason =
      error.code === 'MissingQuotes'
        ? 'Unbalanced quotes: a quoted value is not closed'
        : error.code === 'InvalidQuotes'
          ? 'Misplaced quote character'
          : error.message;
    if (error.type !== 'FieldMismatch') lineErrors.set(line, reason);
  }
  const records = rows.slice(1).map((cells, i) => ({ line: i + 2, cells }));
  for (const r of records) {
    if (r.cells.length !== header.length && !lineErrors.has(r.line)) {
      lineErrors.set(r.line, `Expected ${header.length} columns, found ${r.cells.length}`);
    }
  }
  return { header, records, lineErrors, encoding };
}
