/** A cell of a CSV export: text, a number, or nothing. */
export type CsvCell = string | number | null;

/**
 * One cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break,
 * quotes doubled. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or
 * carriage return first) is prefixed with `'`, so an exported name cannot run.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A header line and one line per row, CRLF-terminated as RFC 4180 asks. */
export function toCsv<Row>(
  columns: ReadonlyArray<{ header: string; value: (row: Row) => CsvCell }>,
  rows: readonly Row[],
): string {
  const lines = [
    columns.map((column) => csvCell(column.header)).join(','),
    ...rows.map((row) => columns.map((column) => csvCell(column.value(row))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
