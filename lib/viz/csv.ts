/** CSV for exported selections (RFC 4180 quoting). */

export type CsvCell = string | number | boolean | null | undefined;

/**
 * Quotes a cell when needed. Cells that a spreadsheet would run as a formula (=, +, -, @ first)
 * get a leading apostrophe (OWASP "CSV injection") — paper titles are untrusted text.
 */
export function formatCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-separated as RFC 4180 asks. */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(formatCsvCell).join(',')).join('\r\n') + '\r\n';
}
