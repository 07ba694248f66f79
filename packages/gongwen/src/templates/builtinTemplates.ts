import { heading, paragraph } from './blocks.ts'
import type { Template } from './Template.ts'

/**
 * The built-in templates, one per kind. Guidance sits in the text itself between 〖〗 so
 * the writer sees it where the words go and overwrites it (as with a Word 公文 template).
 */
export const builtinTemplates: Template[] = [
  {
    id: 'notice',
    kind: 'notice',
    name: '通知',
    description: '向下级机关布置工作、告知事项或转发文件',
    title: '关于××××的通知',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于××××的通知', 'center'),
        paragraph('各支部：'),
        paragraph('〖开头写明发文缘由和依据，如：为深入开展学习教育月活动，现就有关事项通知如下。〗'),
        paragraph('一、〖第一项事项〗'),
        paragraph('（一）〖事项的具体要求〗'),
        paragraph('二、〖第二项事项〗'),
        paragraph('三、〖工作要求与时限〗'),
        paragraph('特此通知。'),
        paragraph(''),
        paragraph('附件：〖附件名称，无附件时删去此行〗'),
        paragraph(''),
        paragraph('〖发文机关署名〗', 'right'),
        paragraph('〖2024年3月5日〗', 'right'),
      ],
    },
  },
  {
    id: 'reflection',
    kind: 'reflection',
    name: '心得体会',
    description: '学习、讨论或实践之后写下的认识与收获',
    title: '学习××××的心得体会',
    body: {
      type: 'doc',
      content: [
        heading(1, '学习××××的心得体会', 'center'),
        paragraph('〖开头：简要交代学习了什么、在什么场合学习〗'),
        paragraph('一、〖第一点体会：提炼成一句话〗'),
        paragraph('〖结合原文和自身工作展开〗'),
        paragraph('二、〖第二点体会〗'),
        paragraph('三、〖今后的打算和努力方向〗'),
        paragraph(''),
        paragraph('〖姓名〗', 'right'),
        paragraph('〖2024年3月5日〗', 'right'),
      ],
    },
  },
]

/** The built-in template with this id, if any. */
export function builtinTemplate(id: string): Template | undefined {
  return builtinTemplates.find((t) => t.id === id)
}
