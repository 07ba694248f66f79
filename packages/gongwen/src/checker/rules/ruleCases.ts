import type { DocumentKind } from '@dongbi/schema'

/**
 * Examples for every rule: documents (one block per line) that must trigger it and documents
 * that must not. `fixed` is the text of the flagged line after applying the first finding's
 * fix; `null` asserts there is no fix.
 */
export interface RuleCase {
  rule: string
  kind: DocumentKind
  text: string
  hit: boolean
  fixed?: string | null
}

const notice = (lines: string) => `关于开展学习教育月活动的通知\n各支部：\n${lines}\n特此通知。\nX党委办公室\n2024年3月5日`

export const ruleCases: RuleCase[] = [
  // 发文字号
  { rule: 'docnumber-brackets', kind: 'notice', text: `X办发[2024]12号\n${notice('正文。')}`, hit: true, fixed: 'X办发〔2024〕12号' },
  { rule: 'docnumber-brackets', kind: 'notice', text: `X办发【2024】12号\n${notice('正文。')}`, hit: true, fixed: 'X办发〔2024〕12号' },
  { rule: 'docnumber-brackets', kind: 'notice', text: `X办发（2024）12号\n${notice('正文。')}`, hit: true, fixed: 'X办发〔2024〕12号' },
  { rule: 'docnumber-brackets', kind: 'notice', text: notice('按照《关于开展学习的通知》（X办发[2024]5号）要求，现通知如下。'), hit: true, fixed: '按照《关于开展学习的通知》（X办发〔2024〕5号）要求，现通知如下。' },
  { rule: 'docnumber-brackets', kind: 'notice', text: `X办发〔2024〕12号\n${notice('正文。')}`, hit: false },
  { rule: 'docnumber-brackets', kind: 'speech', text: `X办发[2024]12号\n在动员会上的讲话\n同志们：`, hit: false },
  { rule: 'docnumber-no-di-zi', kind: 'notice', text: `X办发〔2024〕第12号\n${notice('正文。')}`, hit: true, fixed: 'X办发〔2024〕12号' },
  { rule: 'docnumber-no-di-zi', kind: 'notice', text: `X办发字〔2024〕12号\n${notice('正文。')}`, hit: true, fixed: 'X办发〔2024〕12号' },
  { rule: 'docnumber-no-di-zi', kind: 'notice', text: `X办发〔2024〕12号\n${notice('正文。')}`, hit: false },
  { rule: 'docnumber-padding', kind: 'notice', text: `X办发〔2024〕012号\n${notice('正文。')}`, hit: true, fixed: 'X办发〔2024〕12号' },
  { rule: 'docnumber-padding', kind: 'notice', text: `X办发〔2024〕102号\n${notice('正文。')}`, hit: false },
  { rule: 'docnumber-year', kind: 'notice', text: `X办发〔24〕12号\n${notice('正文。')}`, hit: true, fixed: null },
  { rule: 'docnumber-year', kind: 'notice', text: `X办发〔2024〕12号\n${notice('正文。')}`, hit: false },

  { rule: 'signer-missing', kind: 'request', text: 'X支发〔2024〕3号\n关于申请学习经费的请示\n市委：\n妥否，请批示。', hit: true },
  { rule: 'signer-missing', kind: 'report', text: 'X支发〔2024〕3号\n关于学习情况的报告\n市委：\n特此报告。', hit: true },
  { rule: 'signer-missing', kind: 'request', text: 'X支发〔2024〕3号　　签发人：张三\n关于申请学习经费的请示\n市委：\n妥否，请批示。', hit: false },
  { rule: 'signer-missing', kind: 'request', text: 'X支发〔2024〕3号\n签发人：张三\n关于申请学习经费的请示\n市委：\n妥否，请批示。', hit: false },
  { rule: 'signer-missing', kind: 'request', text: '关于申请学习经费的请示\n市委：\n妥否，请批示。', hit: false },
  { rule: 'signer-missing', kind: 'notice', text: `X办发〔2024〕12号\n${notice('正文。')}`, hit: false },

  // 标题
  { rule: 'title-doc-type', kind: 'notice', text: notice('正文。').replace('的通知', '的安排'), hit: true },
  { rule: 'title-doc-type', kind: 'request', text: '关于申请学习经费的报告\n市委：\n现申请经费。妥否，请批示。', hit: true },
  { rule: 'title-doc-type', kind: 'notice', text: notice('正文。'), hit: false },
  { rule: 'title-doc-type', kind: 'letter', text: '关于商请支持学习活动的函\n市图书馆：\n请予支持为盼。', hit: false },
  { rule: 'title-doc-type', kind: 'speech', text: '在动员会上的讲话\n同志们：', hit: false },
  { rule: 'title-mixed-types', kind: 'request', text: '关于申请学习经费的请示报告\n市委：\n妥否，请批示。', hit: true },
  { rule: 'title-mixed-types', kind: 'request', text: '关于申请学习经费的请示\n市委：\n妥否，请批示。', hit: false },
  { rule: 'title-urgency', kind: 'notice', text: notice('正文。').replace('的通知', '的紧急通知'), hit: true },
  { rule: 'title-urgency', kind: 'notice', text: notice('正文。'), hit: false },
  { rule: 'title-period', kind: 'notice', text: notice('正文。').replace('的通知', '的通知。'), hit: true, fixed: '关于开展学习教育月活动的通知' },
  { rule: 'title-period', kind: 'notice', text: notice('正文。'), hit: false },
  { rule: 'title-book-marks', kind: 'notice', text: notice('正文。').replace('关于开展学习教育月活动', '关于转发《学习教育月活动方案》'), hit: true },
  { rule: 'title-book-marks', kind: 'notice', text: notice('正文。').replace('关于开展学习教育月活动', '关于学习《中华人民共和国保守国家秘密法》'), hit: false },

  // 主送、附件说明、成文日期、抄送、页码
  { rule: 'addressee-colon', kind: 'notice', text: notice('正文。').replace('各支部：', '各支部:'), hit: true, fixed: '各支部：' },
  { rule: 'addressee-colon', kind: 'notice', text: notice('正文。'), hit: false },
  { rule: 'attachment-colon', kind: 'notice', text: `${notice('正文。')}`.replace('特此通知。', '特此通知。\n附件:学习书目'), hit: true, fixed: '附件：学习书目' },
  { rule: 'attachment-colon', kind: 'notice', text: notice('正文。').replace('特此通知。', '特此通知。\n附件：学习书目'), hit: false },
  { rule: 'attachment-numbering', kind: 'notice', text: notice('正文。').replace('特此通知。', '特此通知。\n附件：1、学习书目\n2、活动安排'), hit: true, fixed: '附件：1.学习书目' },
  { rule: 'attachment-numbering', kind: 'notice', text: notice('正文。').replace('特此通知。', '特此通知。\n附件：1.学习书目\n2.活动安排'), hit: false },
  { rule: 'attachment-punctuation', kind: 'notice', text: notice('正文。').replace('特此通知。', '特此通知。\n附件：学习书目。'), hit: true, fixed: '附件：学习书目' },
  { rule: 'attachment-punctuation', kind: 'notice', text: notice('正文。').replace('特此通知。', '特此通知。\n附件：1.学习书目；\n2.活动安排'), hit: true, fixed: '附件：1.学习书目' },
  { rule: 'attachment-punctuation', kind: 'notice', text: notice('正文。').replace('特此通知。', '特此通知。\n附件：1.学习书目\n2.活动安排'), hit: false },
  { rule: 'date-format', kind: 'notice', text: notice('正文。').replace('2024年3月5日', '2024年03月05日'), hit: true, fixed: '2024年3月5日' },
  { rule: 'date-format', kind: 'notice', text: notice('正文。').replace('2024年3月5日', '二〇二四年三月五日'), hit: true, fixed: '2024年3月5日' },
  { rule: 'date-format', kind: 'notice', text: notice('正文。').replace('2024年3月5日', '2024-03-05'), hit: true, fixed: '2024年3月5日' },
  { rule: 'date-format', kind: 'notice', text: notice('正文。').replace('2024年3月5日', '2024.3.25'), hit: true, fixed: '2024年3月25日' },
  { rule: 'date-format', kind: 'notice', text: `${notice('正文。')}\n抄送：市委组织部。\nX党委办公室 2024年03月05日印发`, hit: true, fixed: 'X党委办公室 2024年3月5日印发' },
  { rule: 'date-format', kind: 'notice', text: notice('正文。').replace('2024年3月5日', '2024年13月5日'), hit: true, fixed: null },
  { rule: 'date-format', kind: 'notice', text: notice('正文。'), hit: false },
  { rule: 'date-format', kind: 'notice', text: notice('正文。').replace('2024年3月5日', '2024年12月31日'), hit: false },
  { rule: 'cc-colon', kind: 'notice', text: `${notice('正文。')}\n抄送:市委组织部。`, hit: true, fixed: '抄送：市委组织部。' },
  { rule: 'cc-colon', kind: 'notice', text: `${notice('正文。')}\n抄送：市委组织部。`, hit: false },
  { rule: 'cc-final-period', kind: 'notice', text: `${notice('正文。')}\n抄送：市委组织部，市委宣传部`, hit: true, fixed: '抄送：市委组织部，市委宣传部。' },
  { rule: 'cc-final-period', kind: 'notice', text: `${notice('正文。')}\n抄送：市委组织部；`, hit: true, fixed: '抄送：市委组织部。' },
  { rule: 'cc-final-period', kind: 'notice', text: `${notice('正文。')}\n抄送：市委组织部，市委宣传部。`, hit: false },
  { rule: 'page-number-text', kind: 'notice', text: `${notice('正文。')}\n-1-`, hit: true, fixed: null },
  { rule: 'page-number-text', kind: 'speech', text: '在动员会上的讲话\n同志们：\n— 2 —', hit: true },
  { rule: 'page-number-text', kind: 'notice', text: notice('2024年增长-1-2个百分点。'), hit: false },

  // 层次序数
  { rule: 'heading-label', kind: 'notice', text: notice('一.活动时间\n3月1日至31日。'), hit: true, fixed: '一、活动时间' },
  { rule: 'heading-label', kind: 'notice', text: notice('一、活动时间\n(一)集中学习'), hit: true, fixed: '（一）集中学习' },
  { rule: 'heading-label', kind: 'notice', text: notice('一、活动时间\n（一）、集中学习'), hit: true, fixed: '（一）集中学习' },
  { rule: 'heading-label', kind: 'notice', text: notice('一、活动时间\n（一）集中学习\n1、学习内容'), hit: true, fixed: '1.学习内容' },
  { rule: 'heading-label', kind: 'work-plan', text: '学习教育月工作方案\n1．学习内容\n(1)原文原著', hit: true, fixed: '1.学习内容' },
  { rule: 'heading-label', kind: 'notice', text: notice('一、活动时间\n（一）集中学习\n1.学习内容\n（1）原文原著'), hit: false },
  { rule: 'heading-label', kind: 'notice', text: notice('1.5亿元资金已到位。'), hit: false },
  { rule: 'heading-label', kind: 'reflection', text: '学习心得\n1、学习要深入', hit: false },
  { rule: 'heading-sequence', kind: 'notice', text: notice('一、活动时间\n三、工作要求'), hit: true },
  { rule: 'heading-sequence', kind: 'notice', text: notice('一、活动时间\n（一）集中学习\n（三）交流研讨'), hit: true },
  { rule: 'heading-sequence', kind: 'notice', text: notice('一、活动时间\n（一）集中学习\n（二）交流研讨\n二、工作要求\n（一）加强领导'), hit: false },
  { rule: 'heading-skipped-level', kind: 'notice', text: notice('一、活动时间\n1.学习内容'), hit: true },
  { rule: 'heading-skipped-level', kind: 'notice', text: notice('一、活动时间\n（一）集中学习\n1.学习内容'), hit: false },
  { rule: 'heading-skipped-level', kind: 'notice', text: notice('1.学习内容\n2.学习形式'), hit: false },

  // 引用公文
  { rule: 'citation-order', kind: 'notice', text: notice('根据X办发〔2024〕5号《关于开展学习的通知》要求，现通知如下。'), hit: true },
  { rule: 'citation-order', kind: 'notice', text: notice('根据（X办发〔2024〕5号）《关于开展学习的通知》要求，现通知如下。'), hit: true },
  { rule: 'citation-order', kind: 'notice', text: notice('根据《关于开展学习的通知》（X办发〔2024〕5号）要求，现通知如下。'), hit: false },
  { rule: 'citation-parentheses', kind: 'notice', text: notice('根据《关于开展学习的通知》X办发〔2024〕5号要求，现通知如下。'), hit: true, fixed: '根据《关于开展学习的通知》（X办发〔2024〕5号）要求，现通知如下。' },
  { rule: 'citation-parentheses', kind: 'notice', text: notice('根据《关于开展学习的通知》(X办发〔2024〕5号)要求，现通知如下。'), hit: true, fixed: '根据《关于开展学习的通知》（X办发〔2024〕5号）要求，现通知如下。' },
  { rule: 'citation-parentheses', kind: 'notice', text: notice('根据《关于开展学习的通知》（X办发〔2024〕5号）要求，现通知如下。'), hit: false },

  // 请示
  { rule: 'request-closing', kind: 'request', text: '关于申请学习经费的请示\n市委：\n为开展学习活动，现申请经费2万元。\nX支部\n2024年3月5日', hit: true },
  { rule: 'request-closing', kind: 'request', text: '关于申请学习经费的请示\n市委：\n为开展学习活动，现申请经费2万元。\n妥否，请批示。\nX支部\n2024年3月5日', hit: false },
  { rule: 'request-closing', kind: 'request', text: '关于申请学习经费的请示\n市委：\n为开展学习活动，现申请经费2万元，请予批准。', hit: false },
  { rule: 'closing-mismatch', kind: 'request', text: '关于申请学习经费的请示\n市委：\n现申请经费2万元。\n特此报告。', hit: true },
  { rule: 'closing-mismatch', kind: 'report', text: '关于学习活动开展情况的报告\n市委：\n活动已圆满结束。\n特此通知。', hit: true },
  { rule: 'closing-mismatch', kind: 'report', text: '关于学习活动开展情况的报告\n市委：\n活动已圆满结束。\n特此报告。', hit: false },
  { rule: 'closing-mismatch', kind: 'reply', text: '关于同意拨付学习经费的批复\nX支部：\n你支部《关于申请学习经费的请示》收悉。同意拨付。\n此复。', hit: false },
  { rule: 'request-one-matter', kind: 'request', text: '关于申请学习经费和增加人员编制的请示\n市委：\n现申请经费2万元，并申请增加编制2名。\n妥否，请批示。', hit: true },
  { rule: 'request-one-matter', kind: 'request', text: '关于申请学习经费的请示\n市委：\n现申请经费2万元，用于购买书籍。\n妥否，请批示。', hit: false },
  { rule: 'request-single-addressee', kind: 'request', text: '关于申请学习经费的请示\n市委、市政府：\n现申请经费。妥否，请批示。', hit: true },
  { rule: 'request-single-addressee', kind: 'request', text: '关于申请学习经费的请示\n市委：\n现申请经费。妥否，请批示。', hit: false },
  { rule: 'request-single-addressee', kind: 'notice', text: notice('正文。').replace('各支部：', '各支部、各部门：'), hit: false },

  // 报告、函、批复、通知、纪要
  { rule: 'report-closing', kind: 'report', text: '关于学习活动开展情况的报告\n市委：\n活动已圆满结束。', hit: true },
  { rule: 'report-closing', kind: 'report', text: '关于学习活动开展情况的报告\n市委：\n活动已圆满结束。\n特此报告。', hit: false },
  { rule: 'report-closing', kind: 'report', text: '关于学习活动开展情况的报告\n市委：\n活动已圆满结束。以上报告，请审阅。', hit: false },
  { rule: 'letter-reply-opening', kind: 'letter', text: '关于提供报告厅的复函\n市委党校：\n同意借用报告厅一天。\n特此函复。', hit: true },
  { rule: 'letter-reply-opening', kind: 'letter', text: '关于提供报告厅的复函\n市委党校：\n你校《关于商借报告厅的函》（X校函〔2024〕2号）收悉。同意借用。\n特此函复。', hit: false },
  { rule: 'letter-reply-opening', kind: 'letter', text: '关于商请支持学习活动的函\n市图书馆：\n拟借用报告厅一天。\n请予支持为盼。', hit: false },
  { rule: 'hidden-request', kind: 'report', text: '关于学习活动开展情况的报告\n市委：\n活动已结束，下一步拟再购书籍，妥否，请批示。\n特此报告。', hit: true },
  { rule: 'hidden-request', kind: 'report', text: '关于学习活动开展情况的报告\n市委：\n活动已圆满结束。\n特此报告。', hit: false },
  { rule: 'hidden-request', kind: 'request', text: '关于申请学习经费的请示\n市委：\n妥否，请批示。', hit: false },
  { rule: 'letter-command-tone', kind: 'letter', text: '关于商请支持学习活动的函\n市图书馆：\n请务必于3月10日前提供场地。\n请予支持为盼。', hit: true },
  { rule: 'letter-command-tone', kind: 'letter', text: '关于商请支持学习活动的函\n市图书馆：\n拟借用报告厅一天。\n请予支持为盼。', hit: false },
  { rule: 'letter-command-tone', kind: 'notice', text: notice('各支部务必按时参加。'), hit: false },
  { rule: 'letter-closing', kind: 'letter', text: '关于商请支持学习活动的函\n市图书馆：\n拟借用报告厅一天。', hit: true },
  { rule: 'letter-closing', kind: 'letter', text: '关于商请支持学习活动的函\n市图书馆：\n拟借用报告厅一天。\n盼复。', hit: false },
  { rule: 'reply-opening', kind: 'reply', text: '关于同意拨付学习经费的批复\nX支部：\n同意拨付学习经费2万元。\n此复。', hit: true },
  { rule: 'reply-opening', kind: 'reply', text: '关于同意拨付学习经费的批复\nX支部：\n你支部《关于申请学习经费的请示》（X支发〔2024〕3号）收悉。经研究，同意拨付。\n此复。', hit: false },
  { rule: 'reply-closing', kind: 'reply', text: '关于同意拨付学习经费的批复\nX支部：\n你支部《关于申请学习经费的请示》收悉。同意拨付。', hit: true },
  { rule: 'reply-closing', kind: 'reply', text: '关于同意拨付学习经费的批复\nX支部：\n你支部《关于申请学习经费的请示》收悉。同意拨付。\n特此批复。', hit: false },
  { rule: 'notice-closing', kind: 'notice', text: '关于开展学习教育月活动的通知\n各支部：\n现将有关事项通知如下。\n特此通知。\n请各支部按时参加。', hit: true },
  { rule: 'notice-closing', kind: 'notice', text: notice('现将有关事项通知如下。'), hit: false },
  { rule: 'minutes-decisions', kind: 'minutes', text: '学习教育月工作会议纪要\n3月5日，工委召开会议。\n会议讨论了活动安排。', hit: true },
  { rule: 'minutes-decisions', kind: 'minutes', text: '学习教育月工作会议纪要\n3月5日，工委召开会议。\n会议议定：活动于3月开展。', hit: false },
  { rule: 'minutes-tentative-decision', kind: 'minutes', text: '学习教育月工作会议纪要\n3月5日，工委召开会议。\n会议建议决定3月开展活动。', hit: true },
  { rule: 'minutes-tentative-decision', kind: 'minutes', text: '学习教育月工作会议纪要\n3月5日，工委召开会议。\n会议决定3月开展活动。', hit: false },

  // 用语
  { rule: 'word-qita', kind: 'notice', text: notice('其它事项另行通知。'), hit: true, fixed: '其他事项另行通知。' },
  { rule: 'word-qita', kind: 'reflection', text: '学习心得体会\n其它同志也谈了体会。', hit: true, fixed: '其他同志也谈了体会。' },
  { rule: 'word-qita', kind: 'notice', text: notice('其他事项另行通知。'), hit: false },
  { rule: 'word-jiezhi', kind: 'notice', text: notice('截止2024年3月，已有10个支部参加。'), hit: true, fixed: '截至2024年3月，已有10个支部参加。' },
  { rule: 'word-jiezhi', kind: 'summary', text: '学习教育月工作总结\n截止到目前，共开展学习12次。', hit: true, fixed: '截至目前，共开展学习12次。' },
  { rule: 'word-jiezhi', kind: 'notice', text: notice('报名截止日期为3月10日，逾期截止。'), hit: false },
  { rule: 'vague-date', kind: 'notice', text: notice('近日，工委决定开展学习活动。'), hit: true, fixed: null },
  { rule: 'vague-date', kind: 'notice', text: notice('今年学习活动分三个阶段。'), hit: true },
  { rule: 'vague-date', kind: 'notice', text: notice('2024年3月1日，工委决定开展学习活动。'), hit: false },
  { rule: 'vague-date', kind: 'speech', text: '在动员会上的讲话\n今年的学习活动很重要。', hit: false },
]
