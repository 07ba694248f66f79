import type { StudyTopicDto } from '@dongbi/schema'

/**
 * The built-in topics of a 学习教育月, used when none of the user's branches has set a list
 * for the month. Each has guiding questions that turn reading into writing.
 */
export const generalPrompts: StudyTopicDto[] = [
  { title: '理论学习', questions: ['今天读到的哪一句话最触动你？为什么？', '把今天学到的一个观点用自己的话讲给同事听，你会怎么说？'] },
  { title: '联系实际', questions: ['今天学习的内容，和你手头的哪项工作有关？', '如果把今天学到的用到工作中，第一步做什么？'] },
  { title: '对照检视', questions: ['对照今天学习的要求，你在工作中还有哪些差距？', '有哪件事你本可以做得更好？下次怎么做？'] },
  { title: '为民服务', questions: ['最近一次帮群众或同事解决问题，是怎样的经过？', '服务对象最希望你改进的是什么？'] },
  { title: '作风建设', questions: ['在文风会风上，你注意到哪些可以精简的地方？', '怎样让你写的材料更短、更实、更新？'] },
  { title: '学习心得', questions: ['这一周学习下来，你最大的收获是什么？', '有什么问题还没想明白，准备怎样继续学？'] },
  { title: '身边榜样', questions: ['身边哪位同志的做法值得你学习？具体说说一件事。', '从他（她）身上，你准备学什么？'] },
  { title: '岗位实践', questions: ['今天在岗位上做成了哪件具体的事？', '工作中遇到的一个难题，你是怎样分析和解决的？'] },
  { title: '廉洁自律', questions: ['今天的学习对你守住底线有什么提醒？', '在日常工作中，哪些细节最需要警惕？'] },
  { title: '展望计划', questions: ['下个阶段你给自己定一个什么学习目标？', '为了落实这个目标，本周可以做的三件小事是什么？'] },
]
