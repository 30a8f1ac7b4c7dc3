import type { ImportNotice } from '../../../contract/discovery.js';
import type { ImportRow } from '../../db/schema.js';

type Params = Record<string, string | number>;

const ENGLISH: Record<ImportNotice['code'], (p: Params) => string> = {
  read_as_windows_1252: () => 'The file was not UTF-8; it was read as Windows-1252.',
  stopped_on_bad_rows: (p) => `Stopped before writing anything: ${p.count} row(s) have problems. Fix them, or choose to skip bad rows.`,
  failed_after_rows: (p) => `Stopped by an error after ${p.written} row(s) were imported: ${p.error}`,
  interrupted: (p) => `Interrupted by a server restart after ${p.written} row(s) were imported; those rows are kept.`,
};

/** The columns that carry a notice: the English sentence, and the code and values to translate it. */
export function notice(code: ImportNotice['code'], params: Params = {}): Pick<ImportRow, 'message' | 'notice'> {
  return { message: ENGLISH[code](params), notice: JSON.stringify({ code, params } satisfies ImportNotice) };
}
