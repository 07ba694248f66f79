import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './toCsv.ts'

describe('csvCell', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+86 138')).toBe("'+86 138")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
  })

  it('quotes commas, quotes and line breaks, and leaves plain text and numbers alone', () => {
    expect(csvCell('陈静')).toBe('陈静')
    expect(csvCell('结构，完整')).toBe('结构，完整')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"')
    expect(csvCell(-3)).toBe('-3')
    expect(csvCell(null)).toBe('')
  })
})

describe('toCsv', () => {
  it('starts with a byte-order mark and ends rows with CRLF', () => {
    expect(toCsv([['姓名', '总分'], ['陈静', 13]])).toBe('\uFEFF姓名,总分\r\n陈静,13\r\n')
  })
})
