import { getLocale } from '@dongbi/editor'
import type {
  AnchorDto,
  ApproveReviewBody,
  CreateVersionBody,
  MarkReadBody,
  RenameVersionBody,
  ReturnReviewBody,
  SubmitReviewBody,
  AuditEventDto,
  BranchCheckerBody,
  BranchCheckerDto,
  DocumentCheckDto,
  ThreadDto,
  BranchDto,
  InvitationDto,
  MemberDto,
  NotificationListDto,
  RestoreResultDto,
  ReviewDto,
  ReviewQueueDto,
  ReviewState,
  RosterRowDto,
  SearchQueryInput,
  SearchResultsDto,
  BranchRole,
  CreateDocumentBody,
  CreateBranchTemplateBody,
  TemplateDto,
  TemplateListDto,
  DocumentDiffDto,
  DocumentDto,
  DocumentListDto,
  DocumentScopeName,
  ErrorBody,
  ShareDto,
  ShareLevel,
  TokenDto,
  UpdateDocumentBody,
  UserDto,
  VersionContentDto,
  VersionDto,
} from '@dongbi/schema'

/** An error answer from the API, with its machine-readable code. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

/**
 * Server messages read "中文 (English)"; show the half that matches the UI language.
 */
export function localizeMessage(message: string): string {
  const match = /^(.*?)\s*\(([^()]*)\)$/.exec(message)
  if (!match) return message
  return getLocale() === 'en' ? match[2]! : match[1]!
}

/** Called on any 401 outside the auth routes: the session ended, so go to the login page. */
let onUnauthorized: () => void = () => {}
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler
}

/** One API call; exported for the feature modules that keep their own endpoints (e.g. journal/journalApi.ts). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  if (response.status === 204) return undefined as T
  const data: unknown = await response.json().catch(() => ({}))
  if (!response.ok) {
    const error = (data as Partial<ErrorBody>).error
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized()
    throw new ApiRequestError(response.status, error?.code ?? 'unknown', localizeMessage(error?.message ?? response.statusText), error?.details)
  }
  return data as T
}

const id = encodeURIComponent

/** The REST API, typed by the shared schemas of @dongbi/schema. */
export const api = {
  login: (username: string, password: string) => request<UserDto>('POST', '/auth/login', { username, password }),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<UserDto>('GET', '/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/auth/password', { currentPassword, newPassword }),

  tokens: () => request<{ tokens: TokenDto[] }>('GET', '/tokens'),
  createToken: (name: string) => request<TokenDto & { token: string }>('POST', '/tokens', { name }),
  revokeToken: (tokenId: string) => request<void>('DELETE', `/tokens/${id(tokenId)}`),

  listDocuments: (scope: DocumentScopeName = 'mine') => request<DocumentListDto>('GET', `/documents?scope=${scope}`),
  getDocument: (docId: string) => request<DocumentDto>('GET', `/documents/${id(docId)}`),
  createDocument: (body: CreateDocumentBody) => request<DocumentDto>('POST', '/documents', body),
  renameDocument: (docId: string, body: UpdateDocumentBody) => request<DocumentDto>('PATCH', `/documents/${id(docId)}`, body),
  deleteDocument: (docId: string) => request<DocumentDto>('DELETE', `/documents/${id(docId)}`),
  restoreDocument: (docId: string) => request<DocumentDto>('POST', `/documents/${id(docId)}/restore`),
  purgeDocument: (docId: string) => request<void>('DELETE', `/documents/${id(docId)}/permanent`),
  templates: () => request<TemplateListDto>('GET', '/templates'),
  saveBranchTemplate: (branchId: string, body: CreateBranchTemplateBody) => request<TemplateDto>('POST', `/branches/${id(branchId)}/templates`, body),
  deleteBranchTemplate: (branchId: string, templateId: string) => request<void>('DELETE', `/branches/${id(branchId)}/templates/${id(templateId)}`),
  /** Where the browser downloads (or, for `html`, shows) an export. */
  exportUrl: (docId: string, format: 'docx' | 'md' | 'html') => `/api/documents/${id(docId)}/export?format=${format}`,
  search: (query: SearchQueryInput) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value))
    return request<SearchResultsDto>('GET', `/search?${params}`)
  },
  shares: (docId: string) => request<{ shares: ShareDto[] }>('GET', `/documents/${id(docId)}/shares`),
  setShare: (docId: string, granteeType: 'user' | 'branch', granteeId: string, level: ShareLevel) =>
    request<ShareDto>('PUT', `/documents/${id(docId)}/shares`, { granteeType, granteeId, level }),
  removeShare: (docId: string, granteeType: 'user' | 'branch', granteeId: string) =>
    request<void>('DELETE', `/documents/${id(docId)}/shares/${granteeType}/${id(granteeId)}`),

  threads: (docId: string) => request<{ threads: ThreadDto[] }>('GET', `/documents/${id(docId)}/threads`),
  createThread: (docId: string, body: { anchor: AnchorDto; quote: string; body: string; mentions: string[] }) =>
    request<ThreadDto>('POST', `/documents/${id(docId)}/threads`, body),
  reply: (docId: string, threadId: string, body: string, mentions: string[]) =>
    request<ThreadDto>('POST', `/documents/${id(docId)}/threads/${id(threadId)}/comments`, { body, mentions }),
  setThreadStatus: (docId: string, threadId: string, action: 'resolve' | 'reopen') =>
    request<ThreadDto>('POST', `/documents/${id(docId)}/threads/${id(threadId)}/${action}`),
  editComment: (docId: string, commentId: string, body: string) => request<ThreadDto>('PATCH', `/documents/${id(docId)}/comments/${id(commentId)}`, { body }),
  deleteComment: (docId: string, commentId: string) => request<void>('DELETE', `/documents/${id(docId)}/comments/${id(commentId)}`),

  review: (docId: string) => request<ReviewDto>('GET', `/documents/${id(docId)}/review`),
  checkDocument: (docId: string) => request<DocumentCheckDto>('GET', `/documents/${id(docId)}/check`),
  branchChecker: (branchId: string) => request<BranchCheckerDto>('GET', `/branches/${id(branchId)}/checker`),
  setBranchChecker: (branchId: string, body: BranchCheckerBody) => request<BranchCheckerDto>('PUT', `/branches/${id(branchId)}/checker`, body),
  submitReview: (docId: string, body: SubmitReviewBody) => request<ReviewDto>('POST', `/documents/${id(docId)}/review/submit`, body),
  withdrawReview: (docId: string) => request<ReviewDto>('POST', `/documents/${id(docId)}/review/withdraw`),
  returnReview: (docId: string, body: ReturnReviewBody) => request<ReviewDto>('POST', `/documents/${id(docId)}/review/return`, body),
  approveReview: (docId: string, body: ApproveReviewBody) => request<ReviewDto>('POST', `/documents/${id(docId)}/review/approve`, body),
  reviews: (role: 'reviewer' | 'author', state?: ReviewState) => request<ReviewQueueDto>('GET', `/reviews?role=${role}${state ? `&state=${state}` : ''}`),

  versions: (docId: string) => request<{ versions: VersionDto[] }>('GET', `/documents/${id(docId)}/versions`),
  saveVersion: (docId: string, body: CreateVersionBody) => request<VersionDto>('POST', `/documents/${id(docId)}/versions`, body),
  versionText: (docId: string, versionId: string) => request<VersionContentDto>('GET', `/documents/${id(docId)}/versions/${id(versionId)}?format=text`),
  renameVersion: (docId: string, versionId: string, body: RenameVersionBody) => request<VersionDto>('PATCH', `/documents/${id(docId)}/versions/${id(versionId)}`, body),
  restoreVersion: (docId: string, versionId: string) => request<RestoreResultDto>('POST', `/documents/${id(docId)}/versions/${id(versionId)}/restore`),
  /** `current` is the live text. */
  diff: (docId: string, from: string, to: string) => request<DocumentDiffDto>('GET', `/documents/${id(docId)}/diff?from=${id(from)}&to=${id(to)}`),

  notifications: (limit = 50) => request<NotificationListDto>('GET', `/notifications?limit=${limit}`),
  markNotificationsRead: (which: MarkReadBody) => request<{ unread: number }>('POST', '/notifications/read', which),

  directory: (q: string) =>
    request<{ users: { id: string; username: string; displayName: string }[]; branches: { id: string; name: string }[] }>('GET', `/directory?q=${id(q)}`),

  branches: () => request<{ branches: BranchDto[] }>('GET', '/branches'),
  createBranch: (name: string) => request<BranchDto>('POST', '/branches', { name }),
  branch: (branchId: string) => request<{ id: string; name: string; createdAt: string; members: MemberDto[] }>('GET', `/branches/${id(branchId)}`),
  setMemberRole: (branchId: string, userId: string, role: BranchRole) => request<void>('PUT', `/branches/${id(branchId)}/members/${id(userId)}`, { role }),
  removeMember: (branchId: string, userId: string) => request<void>('DELETE', `/branches/${id(branchId)}/members/${id(userId)}`),
  invitations: (branchId: string) => request<{ invitations: InvitationDto[] }>('GET', `/branches/${id(branchId)}/invitations`),
  createInvitation: (branchId: string, role: BranchRole) =>
    request<InvitationDto & { token: string; path: string }>('POST', `/branches/${id(branchId)}/invitations`, { role }),
  revokeInvitation: (branchId: string, invitationId: string) => request<void>('DELETE', `/branches/${id(branchId)}/invitations/${id(invitationId)}`),
  invitation: (token: string) => request<{ branchName: string; role: BranchRole; expiresAt: string }>('GET', `/invitations/${id(token)}`),
  acceptInvitation: (token: string, body: { username: string; displayName: string; password: string }) =>
    request<UserDto>('POST', `/invitations/${id(token)}/accept`, body),

  rosterPreview: (csv: string) => request<{ rows: RosterRowDto[]; errors: string[] }>('POST', '/roster/preview', { csv }),
  rosterImport: (csv: string) =>
    request<{ imported: number; created: number; credentials: { username: string; displayName: string; branch: string; temporaryPassword: string }[] }>(
      'POST',
      '/roster/import',
      { csv },
    ),

  users: () => request<{ users: UserDto[] }>('GET', '/users'),
  createUser: (body: { username: string; displayName: string; birthYear?: number | null; isAdmin?: boolean; branchId?: string; role?: BranchRole }) =>
    request<{ user: UserDto; temporaryPassword?: string }>('POST', '/users', body),
  updateUser: (userId: string, body: { disabled?: boolean; isAdmin?: boolean; displayName?: string }) => request<UserDto>('PATCH', `/users/${id(userId)}`, body),
  resetPassword: (userId: string) => request<{ temporaryPassword: string }>('POST', `/users/${id(userId)}/reset-password`),
  audit: (before?: number) => request<{ events: AuditEventDto[] }>('GET', `/audit${before ? `?before=${before}` : ''}`),
}
