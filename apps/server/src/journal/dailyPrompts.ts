import type { JournalPromptDto, StudyTopicDto } from '@dongbi/schema'
import { generalPrompts } from './generalPrompts.ts'

export interface BranchTopics {
  branchId: string
  branchName: string
  topics: StudyTopicDto[]
}

/** Day of the month, 1–31, of a `YYYY-MM-DD` date. */
function dayOf(date: string): number {
  return Number(date.slice(8, 10))
}

/**
 * Today's prompt from a topic list, deterministically: consecutive days walk through the topics
 * in order, and each pass through the list moves on to the topics' next guiding question — so
 * each day of the month shows a different topic (or question) until the list runs out.
 */
export function promptOfDay(topics: StudyTopicDto[], date: string): { topic: StudyTopicDto; question: string | null; index: number } {
  const step = dayOf(date) - 1
  const index = step % topics.length
  const topic = topics[index]!
  const round = Math.floor(step / topics.length)
  const question = topic.questions.length ? topic.questions[round % topic.questions.length]! : null
  return { topic, question, index }
}

/**
 * One prompt per branch of the user that set topics for the date's month; the built-in
 * 学习教育月 prompts when none did.
 */
export function dailyPrompts(branches: BranchTopics[], date: string): JournalPromptDto[] {
  const withTopics = branches.filter((b) => b.topics.length > 0)
  if (withTopics.length === 0) {
    const { topic, question, index } = promptOfDay(generalPrompts, date)
    return [{ topic: topic.title, question, branchId: null, branchName: null, index, of: generalPrompts.length }]
  }
  return withTopics.map((branch) => {
    const { topic, question, index } = promptOfDay(branch.topics, date)
    return { topic: topic.title, question, branchId: branch.branchId, branchName: branch.branchName, index, of: branch.topics.length }
  })
}
