import { heading, paragraph } from './blocks.ts'
import { datePlaceholder, type Template } from './Template.ts'

/** The 落款 and 版记 every 公文 template ends with: 署名, 成文日期 (right-aligned), 抄送. */
function closing({ cc = true }: { cc?: boolean } = {}): Record<string, unknown>[] {
  return [
    paragraph(''),
    paragraph('〖发文机关署名，写全称或规范化简称〗', 'right'),
    paragraph(datePlaceholder, 'right'),
    ...(cc ? [paragraph('抄送：〖需要了解的其他机关，用顿号隔开；不需要时删去此行〗。')] : []),
  ]
}

/**
 * The eight 公文 types members practise most (党政机关公文处理工作条例 art. 8), each with the
 * elements GB/T 9704 gives it: 标题 (centred), 主送机关, 正文 with 一、（一）1.（1）, the
 * closing phrase the type takes, 附件说明, 署名 and 成文日期, 抄送.
 */
export const gongwenTemplates: Template[] = [
  {
    id: 'notice',
    kind: 'notice',
    name: '通知',
    description: '向下级机关布置工作、告知事项或转发文件',
    title: '关于××××的通知',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于〖事由〗的通知', 'center'),
        paragraph('各支部：'),
        paragraph('〖开头写明发文缘由和依据，如：为深入开展学习教育月活动，经研究，现就有关事项通知如下。〗'),
        paragraph('一、〖第一项事项，标题一句话概括〗'),
        paragraph('（一）〖事项的具体内容〗'),
        paragraph('（二）〖事项的具体内容〗'),
        paragraph('二、〖第二项事项〗'),
        paragraph('三、〖工作要求：责任分工、完成时限和报送方式〗'),
        paragraph('特此通知。'),
        paragraph(''),
        paragraph('附件：〖附件名称，后面不加标点；无附件时删去此行〗'),
        ...closing(),
      ],
    },
  },
  {
    id: 'request',
    kind: 'request',
    name: '请示',
    description: '向上级机关请求指示或批准，一文一事',
    title: '关于××××的请示',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于〖请求事项〗的请示', 'center'),
        paragraph('〖上级机关名称，只写一个主送机关〗：'),
        paragraph('〖请示缘由：说明背景、依据和必要性，如：为保障学习教育月活动顺利开展，……〗'),
        paragraph('〖请示事项：一文一事，写清楚请求批准或指示的具体内容，如需经费写明金额和用途〗'),
        paragraph('一、〖具体事项或理由之一〗'),
        paragraph('二、〖具体事项或理由之二〗'),
        paragraph('妥否，请批示。'),
        paragraph(''),
        paragraph('附件：〖附件名称；无附件时删去此行〗'),
        ...closing({ cc: false }),
      ],
    },
  },
  {
    id: 'report',
    kind: 'report',
    name: '报告',
    description: '向上级机关汇报工作、反映情况或答复询问',
    title: '关于××××的报告',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于〖事由〗的报告', 'center'),
        paragraph('〖上级机关名称〗：'),
        paragraph('〖开头：简述报告缘由，如：按照……要求，现将……情况报告如下。报告中不得夹带请示事项。〗'),
        paragraph('一、〖基本情况和主要做法〗'),
        paragraph('（一）〖做法之一，用事实和数据说话〗'),
        paragraph('（二）〖做法之二〗'),
        paragraph('二、〖取得的成效〗'),
        paragraph('三、〖存在的问题和原因〗'),
        paragraph('四、〖下一步工作打算〗'),
        paragraph('特此报告。'),
        ...closing(),
      ],
    },
  },
  {
    id: 'letter',
    kind: 'letter',
    name: '函',
    description: '不相隶属机关之间商洽工作、询问答复或请求批准',
    title: '关于××××的函',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于〖商洽事项〗的函', 'center'),
        paragraph('〖受文机关名称〗：'),
        paragraph('〖发函缘由：简要说明背景；复函时先引来函标题和文号，如：你单位《关于……的函》（……〔2024〕……号）收悉。〗'),
        paragraph('〖发函事项：商洽、询问或请求的具体内容，语气平和，不用“请遵照执行”等指令性用语〗'),
        paragraph('请予函复。'),
        paragraph(''),
        paragraph('附件：〖附件名称；无附件时删去此行〗'),
        ...closing(),
      ],
    },
  },
  {
    id: 'minutes',
    kind: 'minutes',
    name: '纪要',
    description: '记载会议主要情况和议定事项',
    title: '××××会议纪要',
    body: {
      type: 'doc',
      content: [
        heading(1, '〖会议名称〗纪要', 'center'),
        paragraph('〖会议概况：时间、地点、主持人、议题，如：2024年3月5日，××支部在……召开……会议，……同志主持。会议传达学习了……，研究了……。现纪要如下：〗'),
        paragraph('一、〖会议认为：对形势和工作的评价〗'),
        paragraph('二、〖会议议定事项：逐项写明，讨论意见不要写成决定〗'),
        paragraph('（一）〖议定事项之一：内容、责任人和时限〗'),
        paragraph('（二）〖议定事项之二〗'),
        paragraph('三、〖会议要求〗'),
        paragraph(''),
        paragraph('出席：〖出席人员姓名，用顿号隔开〗'),
        paragraph('请假：〖请假人员姓名及原因〗'),
        paragraph('列席：〖列席人员姓名；没有时删去此行〗'),
      ],
    },
  },
  {
    id: 'reply',
    kind: 'reply',
    name: '批复',
    description: '答复下级机关的请示事项',
    title: '关于××××的批复',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于〖同意……〗的批复', 'center'),
        paragraph('〖报送请示的下级机关〗：'),
        paragraph('你单位《关于〖请示事项〗的请示》（〖机关代字〗〔2024〕〖序号〗号）收悉。经研究，现批复如下：'),
        paragraph('一、〖批复意见：同意或不同意，态度明确〗'),
        paragraph('二、〖执行要求和注意事项〗'),
        paragraph('此复。'),
        ...closing(),
      ],
    },
  },
  {
    id: 'bulletin',
    kind: 'bulletin',
    name: '通报',
    description: '表彰先进、批评错误或传达重要情况',
    title: '关于××××的通报',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于〖表彰/批评/情况〗的通报', 'center'),
        paragraph('各支部：'),
        paragraph('〖基本事实：时间、人物、经过，准确简练〗'),
        paragraph('〖分析评价：事实的性质和意义〗'),
        paragraph('〖通报决定：表彰或处理的决定〗'),
        paragraph('〖希望和要求：号召学习或引以为戒〗'),
        paragraph('特此通报。'),
        ...closing(),
      ],
    },
  },
  {
    id: 'opinion',
    kind: 'opinion',
    name: '意见',
    description: '对重要问题提出见解和处理办法',
    title: '关于××××的意见',
    body: {
      type: 'doc',
      content: [
        heading(1, '关于〖事项〗的意见', 'center'),
        paragraph('各支部：'),
        paragraph('〖开头：目的和依据，如：为进一步……，根据……，现提出如下意见。〗'),
        paragraph('一、总体要求'),
        paragraph('〖指导思想和工作目标〗'),
        paragraph('二、主要任务'),
        paragraph('（一）〖任务之一〗'),
        paragraph('1.〖具体措施〗'),
        paragraph('（1）〖细化要求〗'),
        paragraph('（二）〖任务之二〗'),
        paragraph('三、保障措施'),
        paragraph('〖组织领导、责任落实、督促检查〗'),
        ...closing(),
      ],
    },
  },
]
