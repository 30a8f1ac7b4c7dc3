import Papa from 'papaparse';
import type { ImportRowProblem } from '../../../contract/discovery.js';
import { decodeCsvBytes, decodeWindows1252 } from '../../../domain/discovery/csv-encoding.js';

/** One data record of the file, with where it sits in the file as a text editor counts lines. */
export interface CsvRecord {
  /** 1-based line the record starts on (the header is on line 1 unless blank lines precede it). */
  line: number;
  /** Last line of the record when it spans several (a quoted value with line breaks). */
  endLine: number;
  cells: string[];
}

export type CsvEncoding = 'utf-8' | 'windows-1252';

export class CsvFileError extends Error {}

/** UTF-8 when valid, else Windows-1252: the rule the web app's preview follows too (src/domain). */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  return decodeCsvBytes(bytes);
}

const DELIMITERS = [',', ';', '\t', '|'];
/** Enough of the file to see a few dozen records; guessing on the whole file parsed it once per candidate. */
const GUESS_SAMPLE = 64 * 1024;

function guessDelimiter(text: string): string {
  const sample = Papa.parse<string[]>(text.slice(0, GUESS_SAMPLE), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: DELIMITERS,
    preview: 50,
  });
  return sample.meta.delimiter || ',';
}

const isBlank = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
};

/**
 * The header row alone, from the start of the file: the mapping is checked against it before
 * the whole file is read. Refuses what cannot be a CSV file (binary data, no header).
 */
export function readCsvHeader(bytes: Uint8Array): string[] {
  const sample = bytes.subarray(0, GUESS_SAMPLE);
  let text: string;
  try {
    // stream: a character cut by the end of the sample is not an encoding error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    text = decodeWindows1252(sample);
  }
  if (text.includes('\u0000')) throw new CsvFileError(BINARY);
  return headerOf(text, guessDelimiter(text));
}

/** The first record's cells, trimmed; refuses a file without one. */
function headerOf(text: string, delimiter: string): string[] {
  const first = Papa.parse<string[]>(text.slice(0, GUESS_SAMPLE), { delimiter, skipEmptyLines: 'greedy', preview: 1 });
  const header = (first.data[0] ?? []).map((h) => h.trim());
  if (header.every((h) => h === '')) throw new CsvFileError(NO_HEADER);
  return header;
}

const BINARY = 'This file contains binary data; export it as CSV from your spreadsheet.';
const NO_HEADER = 'The file is empty or has no header row.';

/**
 * How many data records a CSV text holds, by one quick pass over its characters (a tenth of
 * the time parsing takes): what the progress of an import counts against before the file is
 * read. It follows the parser's rules for quotes (one opens a value only at its start, "" is a
 * quote inside one, an unclosed one takes the rest of the file) and skips blank lines; for
 * files it could read otherwise, readRecords' own count is the one that counts.
 */
export function countRecords(text: string, delimiter: string): number {
  const quote = 0x22;
  const separator = delimiter.charCodeAt(0);
  let records = 0;
  let inQuotes = false;
  let atFieldStart = true;
  let hasContent = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === quote) {
        if (text.charCodeAt(i + 1) === quote) {
          i++;
          hasContent = true;
        } else inQuotes = false;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) hasContent = true;
      continue;
    }
    if (c === 0x0a) {
      if (hasContent) records++;
      hasContent = false;
      atFieldStart = true;
    } else if (c === separator) atFieldStart = true;
    else if (c === quote && atFieldStart) {
      // A record of blank values only, quoted or not, is skipped as a blank line is.
      inQuotes = true;
      atFieldStart = false;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
      hasContent = true;
      atFieldStart = false;
    }
  }
  if (hasContent) records++;
  // The header is a record too.
  return Math.max(0, records - 1);
}

/** A CSV file opened for reading: decoded, its header read and its records counted. */
export interface CsvFile {
  header: string[];
  encoding: CsvEncoding;
  delimiter: string;
  /** Data records, as countRecords finds them. */
  countedRecords: number;
  /**
   * Reads every data record in order, with the problem of its structure if it has one (an
   * unclosed quote, a stray quote, another number of cells than the header). Returns how many
   * there were.
   */
  readRecords(onRecord: (record: CsvRecord, problem: ImportRowProblem | undefined) => void): number;
}

/**
 * Opens a CSV file for reading: refuses what cannot be one (binary data, no header) before
 * any record is read. Lines are counted in the file itself, blank lines included, so a
 * reported line is the one an editor (or, for files without line breaks inside values, a
 * spreadsheet) shows. A quote left open swallows the rest of the file: that record is
 * reported with the range of lines it took, so nothing disappears silently.
 */
export function openCsv(bytes: Uint8Array): CsvFile {
  const { text, encoding } = decodeCsv(bytes);
  if (text.includes('\u0000')) throw new CsvFileError(BINARY);
  const delimiter = guessDelimiter(text);
  const header = headerOf(text, delimiter);
  return {
    header,
    encoding,
    delimiter,
    countedRecords: countRecords(text, delimiter),
    readRecords: (onRecord) => readRecords(text, delimiter, header.length, onRecord),
  };
}

function readRecords(
  text: string,
  delimiter: string,
  columns: number,
  onRecord: (record: CsvRecord, problem: ImportRowProblem | undefined) => void,
): number {
  // Line counting walks the text once, from record to record.
  let countedTo = 0;
  let line = 1;
  const lineAt = (offset: number) => {
    for (let i = countedTo; i < offset; i++) if (text.charCodeAt(i) === 0x0a) line++;
    countedTo = Math.max(countedTo, offset);
    return line;
  };
  let previousEnd = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let headerSeen = false;
  let count = 0;

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result) => {
      const end = result.meta.cursor;
      // Skip the blank lines Papa skipped, so the record starts where its first character is.
      let start = previousEnd;
      for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl === -1 || nl >= end || !isBlank(text, start, nl)) break;
        start = nl + 1;
      }
      previousEnd = end;
      const first = lineAt(start);
      let last = first;
      // The record's own last character (not the line break that ends it).
      let stop = end;
      while (stop > start && (text.charCodeAt(stop - 1) === 0x0a || text.charCodeAt(stop - 1) === 0x0d)) stop--;
      for (let i = start; i < stop; i++) if (text.charCodeAt(i) === 0x0a) last++;
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      const cells = result.data;
      let problem: ImportRowProblem | undefined;
      for (const error of result.errors) {
        if (error.code === 'MissingQuotes')
          problem = {
            code: 'unbalanced_quotes',
            params: { endLine: last },
            reason:
              last > first
                ? `Unbalanced quotes: the quoted value opened on line ${first} is never closed, so lines ${first}–${last} were read as one record`
                : 'Unbalanced quotes: a quoted value is not closed',
          };
        else if (error.code === 'InvalidQuotes') problem = { code: 'misplaced_quote', params: {}, reason: 'Misplaced quote character' };
      }
      if (!problem && cells.length !== columns)
        problem = {
          code: 'column_count',
          params: { expected: columns, found: cells.length },
          reason: `Expected ${columns} columns, found ${cells.length}`,
        };
      count++;
      onRecord({ line: first, endLine: last, cells }, problem);
    },
  });
  return count;
}
