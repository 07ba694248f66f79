import { heading, paragraph } from './blocks.ts'
import { datePlaceholder, type Template } from './Template.ts'

/** 署名 and date, right-aligned, as everyday writing ends. */
function signOff(name = '〖姓名〗'): Record<string, unknown>[] {
  return [paragraph(''), paragraph(name, 'right'), paragraph(datePlaceholder, 'right')]
}

/**
 * Everyday writing that is not a statutory 公文 type but is written all the time: summaries,
 * speeches, reflections, study notes, work plans, pledges, and the study journal.
 */
export const everydayTemplates: Template[] = [
  {
    id: 'summary',
    kind: 'summary',
    name: '工作总结',
    description: '回顾一个时期的工作，总结成绩、经验和不足',
    title: '××××年度工作总结',
    body: {
      type: 'doc',
      content: [
        heading(1, '〖单位〗〖年度或阶段〗工作总结', 'center'),
        paragraph('〖开头：概述这一时期的总体情况和主要成绩，一两句话即可〗'),
        paragraph('一、主要工作和成效'),
        paragraph('（一）〖工作之一：做了什么，效果如何，用数据和事例说话〗'),
        paragraph('（二）〖工作之二〗'),
        paragraph('二、经验和体会'),
        paragraph('〖提炼出可以推广的做法〗'),
        paragraph('三、存在的问题和不足'),
        paragraph('〖实事求是，分析原因〗'),
        paragraph('四、下一步工作打算'),
        paragraph('〖针对问题提出具体措施〗'),
        ...signOff('〖单位或姓名〗'),
      ],
    },
  },
  {
    id: 'speech',
    kind: 'speech',
    name: '讲话稿',
    description: '在会议或活动上的讲话，口语化、层次分明',
    title: '在××××上的讲话',
    body: {
      type: 'doc',
      content: [
        heading(1, '在〖会议名称〗上的讲话', 'center'),
        paragraph('同志们：'),
        paragraph('〖开场：说明会议的目的和意义，如：今天我们召开……，主要任务是……〗'),
        paragraph('一、〖第一个问题：统一思想，提高认识〗'),
        paragraph('〖围绕观点展开，多用短句，便于讲和听〗'),
        paragraph('二、〖第二个问题：明确任务，突出重点〗'),
        paragraph('三、〖第三个问题：加强领导，狠抓落实〗'),
        paragraph('同志们，〖结尾：提出希望，发出号召〗'),
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
        heading(1, '学习〖学习内容〗的心得体会', 'center'),
        paragraph('〖开头：简要交代学习了什么、在什么场合学习〗'),
        paragraph('一、〖第一点体会：提炼成一句话〗'),
        paragraph('〖结合原文和自身工作展开，避免空话套话〗'),
        paragraph('二、〖第二点体会〗'),
        paragraph('三、〖今后的打算和努力方向〗'),
        ...signOff(),
      ],
    },
  },
  {
    id: 'study-notes',
    kind: 'study-notes',
    name: '学习笔记',
    description: '摘录原文，记下理解和联系实际的思考',
    title: '学习笔记：××××',
    body: {
      type: 'doc',
      content: [
        heading(1, '学习笔记：〖篇目或专题〗', 'center'),
        paragraph(`学习时间：${datePlaceholder}　学习形式：〖自学／集中学习／专题党课〗`),
        heading(2, '一、原文摘录'),
        { type: 'blockquote', content: [paragraph('〖摘录打动你的原文，注明出处和页码〗')] },
        heading(2, '二、我的理解'),
        paragraph('〖用自己的话讲清楚它的意思〗'),
        heading(2, '三、联系实际'),
        paragraph('〖对照自己的工作和思想，找差距、想办法〗'),
        heading(2, '四、疑问和待学'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('〖还没有想明白的问题〗')] }] },
      ],
    },
  },
  {
    id: 'work-plan',
    kind: 'work-plan',
    name: '工作方案',
    description: '为开展一项工作事先做出的部署和安排',
    title: '关于开展××××的工作方案',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于开展〖工作名称〗的工作方案', 'center'),
        paragraph('为〖目的〗，根据〖上级文件或会议精神〗，结合〖本单位〗实际，制定本方案。'),
        paragraph('一、指导思想'),
        paragraph('〖开展这项工作遵循的思想和原则〗'),
        paragraph('二、工作目标'),
        paragraph('〖可衡量的目标，写明数量、质量和时限〗'),
        paragraph('三、主要任务'),
        paragraph('（一）〖任务之一：内容、责任人、完成时间〗'),
        paragraph('（二）〖任务之二〗'),
        paragraph('四、实施步骤'),
        paragraph('（一）动员部署阶段（〖起止时间〗）'),
        paragraph('（二）组织实施阶段（〖起止时间〗）'),
        paragraph('（三）总结提高阶段（〖起止时间〗）'),
        paragraph('五、工作要求'),
        paragraph('〖组织领导、宣传引导、督促检查〗'),
        ...signOff('〖单位〗'),
      ],
    },
  },
  {
    id: 'pledge',
    kind: 'pledge',
    name: '承诺书',
    description: '就遵规守纪或完成任务作出的书面承诺',
    title: '××××承诺书',
    body: {
      type: 'doc',
      content: [
        heading(1, '〖主题〗承诺书', 'center'),
        paragraph('为〖目的〗，本人郑重承诺：'),
        paragraph('一、〖承诺事项之一，具体、可检查〗'),
        paragraph('二、〖承诺事项之二〗'),
        paragraph('三、〖承诺事项之三〗'),
        paragraph('如有违反，自愿接受组织处理。'),
        ...signOff('承诺人：〖签名〗'),
      ],
    },
  },
  {
    id: 'journal',
    kind: 'journal',
    name: '学习日志',
    description: '每天几句话：学了什么、想到什么、打算做什么',
    title: '学习日志',
    body: {
      type: 'doc',
      content: [
        heading(2, '今天学了什么'),
        paragraph('〖篇目、会议或活动〗'),
        heading(2, '有什么触动'),
        paragraph('〖一两点真实的想法〗'),
        heading(2, '明天打算'),
        paragraph('〖一件具体的小事〗'),
      ],
    },
  },
]
