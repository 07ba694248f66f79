/** ISO 8601 with this browser's offset, e.g. 2026-11-29T00:00:00.000+08:00. */
function localIso(date: Date): string {
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0')
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, -1)
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`
}

/**
 * The first or last instant of a local calendar day from an `<input type=date>` value, as
 * the search API's `from`/`to` take them (the server compares instants, the user means days).
 */
export function dayBound(value: string, edge: 'start' | 'end'): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return undefined
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  return localIso(edge === 'start' ? new Date(y, m - 1, d, 0, 0, 0, 0) : new Date(y, m - 1, d, 23, 59, 59, 999))
}
