/**
 * The fonts of a 公文 (GB/T 9704 §6 and common practice) with what to use where they are not
 * installed: `altName` is what Word substitutes (it goes into the DOCX font table), `css` the
 * fallback chain of the print view, ending in the CJK fonts a Linux or Mac machine has.
 */
export interface ExportFont {
  name: string
  altName: string
  css: string[]
}

const serifCjk = ['Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', 'serif']
const sansCjk = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif']

export const exportFonts = {
  /** 正文, 3级 and 4级 headings, 版记. */
  fangSong: { name: '仿宋_GB2312', altName: 'FangSong', css: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', ...serifCjk] },
  /** 2级 headings （一）. */
  kaiTi: { name: '楷体_GB2312', altName: 'KaiTi', css: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', ...serifCjk] },
  /** 1级 headings 一、 and 纪要 labels. */
  heiTi: { name: '黑体', altName: 'SimHei', css: ['黑体', 'SimHei', 'STHeiti', ...sansCjk] },
  /** The title. */
  xiaoBiaoSong: { name: '方正小标宋简体', altName: 'FZXiaoBiaoSong-B05S', css: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', ...serifCjk] },
  /** Page numbers, and the body of writing that is not a 公文. */
  songTi: { name: '宋体', altName: 'SimSun', css: ['宋体', 'SimSun', ...serifCjk] },
} satisfies Record<string, ExportFont>

/** Latin letters and digits. */
export const latinFont = 'Times New Roman'

/** A CSS font-family value. */
export function cssFamily(font: ExportFont): string {
  return font.css.map((name) => (/^(serif|sans-serif)$/.test(name) ? name : `"${name}"`)).join(', ')
}
