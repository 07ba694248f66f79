import type {
  CreateJournalEntryBody,
  JournalCalendarDto,
  JournalEntryDto,
  JournalEntryListDto,
  JournalMentorsDto,
  JournalTagsDto,
  JournalTodayDto,
  StudyTopicsBody,
  StudyTopicsDto,
  UpdateJournalEntryBody,
} from '@dongbi/schema'
import { request } from '../api/apiClient.ts'

const id = encodeURIComponent

function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : ''
}

/** The journal's endpoints (`/api/journal`, `/api/branches/:id/study-topics`). */
export const journalApi = {
  createEntry: (body: CreateJournalEntryBody) => request<JournalEntryDto>('POST', '/journal/entries', body),
  entries: (filter: { from?: string; to?: string; tag?: string } = {}) => request<JournalEntryListDto>('GET', `/journal/entries${query(filter)}`),
  entry: (entryId: string) => request<JournalEntryDto>('GET', `/journal/entries/${id(entryId)}`),
  updateEntry: (entryId: string, body: UpdateJournalEntryBody) => request<JournalEntryDto>('PATCH', `/journal/entries/${id(entryId)}`, body),
  calendar: (month: string, today: string) => request<JournalCalendarDto>('GET', `/journal/calendar${query({ month, today })}`),
  today: (date: string) => request<JournalTodayDto>('GET', `/journal/today${query({ date })}`),
  tags: () => request<JournalTagsDto>('GET', '/journal/tags'),
  mentors: () => request<JournalMentorsDto>('GET', '/journal/mentors'),
  studyTopics: (branchId: string, month: string) => request<StudyTopicsDto>('GET', `/branches/${id(branchId)}/study-topics${query({ month })}`),
  setStudyTopics: (branchId: string, month: string, body: StudyTopicsBody) =>
    request<StudyTopicsDto>('PUT', `/branches/${id(branchId)}/study-topics${query({ month })}`, body),
}
