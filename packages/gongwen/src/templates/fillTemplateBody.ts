import { datePlaceholder, type BodyJson } from './Template.ts'

/** `2024年3月5日`: Arabic numerals, full year, no padding (GB/T 9704 §7.3.5), in China's time zone. */
export function chineseDate(date: Date, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date)
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return `${part('year')}年${part('month')}月${part('day')}日`
}

/** A template body ready to start a document: the date placeholder replaced by `date`. */
export function fillTemplateBody(body: BodyJson, date: Date): BodyJson {
  const today = chineseDate(date)
  const visit = (node: Record<string, unknown>): Record<string, unknown> => {
    if (node.type === 'text' && typeof node.text === 'string') return { ...node, text: node.text.replaceAll(datePlaceholder, today) }
    const content = node.content as Record<string, unknown>[] | undefined
    return content ? { ...node, content: content.map(visit) } : node
  }
  return visit(body as unknown as Record<string, unknown>) as unknown as BodyJson
}
