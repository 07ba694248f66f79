import type { ServerKey } from '../servers/servers.ts'

/** One line of the results table. */
export interface Metric {
  name: string
  unit: string
  /** Which direction is better. */
  better: 'lower' | 'higher'
  values: Partial<Record<ServerKey, number>>
  /** Digits after the point. */
  digits: number
  /** A diagnostic line under a row, not one of the four rows themselves. */
  detail?: boolean
}

export const columns: { key: ServerKey; title: string }[] = [
  { key: 'dongbi', title: '动笔' },
  { key: 'ywss', title: 'y-websocket-server' },
  { key: 'hocuspocus', title: 'hocuspocus' },
  { key: 'floor', title: 'floor: bare relay' },
]

export interface Verdict {
  peer?: ServerKey
  /** ours ÷ better peer. */
  ratio?: number
  oursWorse?: boolean
}

export function verdict(metric: Metric): Verdict {
  const ours = metric.values.dongbi
  const peers = (['ywss', 'hocuspocus'] as const).filter((k) => metric.values[k] !== undefined && Number.isFinite(metric.values[k]))
  if (ours === undefined || !Number.isFinite(ours) || peers.length === 0) return {}
  const peer = peers.reduce((best, k) =>
    metric.better === 'lower' ? (metric.values[k]! < metric.values[best]! ? k : best) : metric.values[k]! > metric.values[best]! ? k : best,
  )
  const value = metric.values[peer]!
  const ratio = ours / value
  return { peer, ratio, oursWorse: metric.better === 'lower' ? ours > value : ours < value }
}

const fmt = (value: number | undefined, digits: number) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits))

/** A Markdown table: one line per metric, the better peer and ours ÷ it. */
export function renderTable(metrics: Metric[]): string {
  const title = columns.map((c) => c.title)
  const lines = [
    `| Row | ${title.join(' | ')} | better peer | 动笔 ÷ better peer | 动笔 is |`,
    `| --- | ${title.map(() => '---:').join(' | ')} | --- | ---: | --- |`,
  ]
  for (const metric of metrics) {
    const v = verdict(metric)
    const peerTitle = v.peer ? columns.find((c) => c.key === v.peer)!.title : '—'
    const direction = metric.better === 'lower' ? 'lower is better' : 'higher is better'
    lines.push(
      `| ${metric.detail ? '↳ ' : ''}${metric.name} (${metric.unit}, ${direction}) | ${columns.map((c) => fmt(metric.values[c.key], metric.digits)).join(' | ')} | ${peerTitle} | ${
        v.ratio === undefined ? '—' : `×${v.ratio.toFixed(2)}`
      } | ${v.oursWorse === undefined ? '—' : v.oursWorse ? '**worse**' : 'better'} |`,
    )
  }
  return lines.join('\n')
}
