/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell starting with
 * = + - @ (or a tab or carriage return) is prefixed with ' so a spreadsheet reads it as text
 * rather than running it as a formula (CSV injection). Numbers are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * A CSV file as Excel opens it correctly with Chinese text: UTF-8 with a byte-order mark,
 * CRLF line ends.
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
