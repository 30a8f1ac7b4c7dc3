import Papa from 'papaparse';
import { type CsvEncoding, decodeCsvBytes } from '../../../domain/discovery/csv-encoding.js';

export const PREVIEW_ROWS = 10;

/** The delimiters the server tries, on as much of the file as it looks at (imports/csv-file.ts). */
const DELIMITERS = [',', ';', '\t', '|'];
const GUESS_SAMPLE = 64 * 1024;

/**
 * Reads the header and the first rows in the browser, to map and preview before uploading.
 * The bytes are decoded as the server decodes them (decodeCsvBytes: UTF-8 if valid, else
 * Windows-1252) and split on the delimiter it would guess, so the column names mapped
 * here are the ones it finds.
 */
export async function parsePreview(file: Blob): Promise<{ headers: string[]; rows: string[][]; encoding: CsvEncoding }> {
  const { text, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  if (text.includes('\u0000')) throw new Error('binary');
  const guess = Papa.parse<string[]>(text.slice(0, GUESS_SAMPLE), { skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS, preview: 50 });
  const result = Papa.parse<string[]>(text, {
    delimiter: guess.meta.delimiter || ',',
    preview: PREVIEW_ROWS + 1,
    skipEmptyLines: 'greedy',
  });
  const [header, ...rows] = result.data;
  if (!header || header.every((h) => !h.trim())) throw new Error('empty');
  return { headers: header.map((h) => h.trim()), rows, encoding };
}
