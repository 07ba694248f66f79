import type {
  AssignmentDashboardDto,
  AssignmentDetailDto,
  AssignmentDto,
  AssignmentListDto,
  CreateAssignmentBody,
  ScoreBody,
  ThreadDto,
  UpdateAssignmentBody,
  WorkContextDto,
} from '@dongbi/schema'
import { request } from './apiClient.ts'

const id = encodeURIComponent

/** The assignments (作业) part of the REST API. */
export const assignmentApi = {
  list: () => request<AssignmentListDto>('GET', '/assignments'),
  get: (assignmentId: string) => request<AssignmentDetailDto>('GET', `/assignments/${id(assignmentId)}`),
  create: (body: CreateAssignmentBody) => request<AssignmentDto>('POST', '/assignments', body),
  update: (assignmentId: string, body: UpdateAssignmentBody) => request<AssignmentDto>('PATCH', `/assignments/${id(assignmentId)}`, body),
  start: (assignmentId: string) => request<AssignmentDetailDto>('POST', `/assignments/${id(assignmentId)}/start`),
  submit: (assignmentId: string, comment?: string) => request<AssignmentDetailDto>('POST', `/assignments/${id(assignmentId)}/submit`, comment ? { comment } : {}),
  dashboard: (assignmentId: string) => request<AssignmentDashboardDto>('GET', `/assignments/${id(assignmentId)}/dashboard`),
  /** Where the browser downloads the CSV from (same-origin cookie). */
  csvUrl: (assignmentId: string) => `/api/assignments/${id(assignmentId)}/dashboard?format=csv`,
  /** The assignment a document belongs to; rejects with 404 when it belongs to none. */
  context: (documentId: string) => request<WorkContextDto>('GET', `/documents/${id(documentId)}/assignment`),
  score: (documentId: string, body: ScoreBody) => request<WorkContextDto>('PUT', `/documents/${id(documentId)}/assignment/scores`, body),
  tieThread: (documentId: string, threadId: string, criterionId: string | null) =>
    request<ThreadDto>('PATCH', `/documents/${id(documentId)}/threads/${id(threadId)}`, { criterionId }),
}
