/**
 * OWASP CSV-injection guidance: a cell starting with = + - @ tab or carriage return is
 * prefixed with a single quote so spreadsheets show it as text instead of running it.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
