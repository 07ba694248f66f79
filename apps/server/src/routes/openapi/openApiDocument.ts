import {
  acceptInvitationBody,
  branchSchema,
  changePasswordBody,
  createBranchBody,
  createInvitationBody,
  createTokenBody,
  createUserBody,
  loginBody,
  rosterImportBody,
  shareBody,
  shareSchema,
  tokenSchema,
  updateMemberBody,
  updateUserBody,
  userSchema,
  createThreadBody,
  editCommentBody,
  replyBody,
  threadSchema,
  createDocumentBody,
  documentContentSchema,
  documentListSchema,
  documentSchema,
  errorSchema,
  updateDocumentBody,
  approveReviewBody,
  createVersionBody,
  documentDiffSchema,
  markReadBody,
  notificationListSchema,
  renameVersionBody,
  restoreResultSchema,
  returnReviewBody,
  reviewQueueSchema,
  reviewSchema,
  submitReviewBody,
  unreadCountSchema,
  versionContentSchema,
  versionListSchema,
  versionSchema,
  createBranchTemplateBody,
  templateListSchema,
  templateSchema,
  searchResultsSchema,
  branchCheckerBody,
  branchCheckerSchema,
  documentCheckSchema,
} from '@dongbi/schema'
import { z } from 'zod'
import { assignmentComponents, assignmentPaths } from './assignmentPaths.ts'
import { journalComponents, journalPaths } from '../journal/journalOpenApi.ts'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (name: string) => ({ content: { 'application/json': { schema: ref(name) } } })
const error = (description: string) => ({ description, ...json('Error') })
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } }

/** Every schema the API uses, by component name. */
const components = {
  Document: documentSchema,
  DocumentList: documentListSchema,
  DocumentContent: documentContentSchema,
  CreateDocument: createDocumentBody,
  UpdateDocument: updateDocumentBody,
  Error: errorSchema,
  User: userSchema,
  Login: loginBody,
  ChangePassword: changePasswordBody,
  CreateUser: createUserBody,
  UpdateUser: updateUserBody,
  ApiToken: tokenSchema,
  CreateToken: createTokenBody,
  Branch: branchSchema,
  CreateBranch: createBranchBody,
  UpdateMember: updateMemberBody,
  CreateInvitation: createInvitationBody,
  AcceptInvitation: acceptInvitationBody,
  RosterCsv: rosterImportBody,
  Share: shareSchema,
  SetShare: shareBody,
  Thread: threadSchema,
  CreateThread: createThreadBody,
  Reply: replyBody,
  EditComment: editCommentBody,
  Review: reviewSchema,
  ReviewQueue: reviewQueueSchema,
  SubmitReview: submitReviewBody,
  ReturnReview: returnReviewBody,
  ApproveReview: approveReviewBody,
  Version: versionSchema,
  VersionList: versionListSchema,
  VersionContent: versionContentSchema,
  CreateVersion: createVersionBody,
  RenameVersion: renameVersionBody,
  RestoreResult: restoreResultSchema,
  DocumentDiff: documentDiffSchema,
  NotificationList: notificationListSchema,
  MarkNotificationsRead: markReadBody,
  UnreadCount: unreadCountSchema,
  Template: templateSchema,
  TemplateList: templateListSchema,
  CreateBranchTemplate: createBranchTemplateBody,
  ...assignmentComponents,
  SearchResults: searchResultsSchema,
  ...journalComponents,
  DocumentCheck: documentCheckSchema,
  BranchCheckerSettings: branchCheckerSchema,
  BranchCheckerSettingsBody: branchCheckerBody,
}

const ok = (description: string, schema?: string) => ({ description, ...(schema ? json(schema) : {}) })
const signedIn = { 401: error('Not signed in'), 403: error('Not allowed') }
const body = (schema: string) => ({ required: true, ...json(schema) })
const param = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })

/**
 * The OpenAPI 3.1 description of the REST API. Schemas come from the same zod definitions
 * the routes validate with; a test checks that every route the app serves is listed here.
 */
export function openApiDocument(): Record<string, unknown> {
  const schemas = Object.fromEntries(
    Object.entries(components).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })]),
  )
  return {
    openapi: '3.1.0',
    info: { title: '动笔 Dongbi API', version: '0.1.0', description: 'Errors are always `{ "error": { "code", "message" } }`.' },
    paths: {
      '/api/health': { get: { summary: 'Liveness probe', responses: { 200: { description: 'ok' } } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI document' } } } },
      '/api/documents': {
        get: {
          summary: 'List documents (live, or the trash with deleted=true)',
          parameters: [
            { name: 'scope', in: 'query', schema: { type: 'string', enum: ['mine', 'shared', 'branch', 'trash'] } },
            { name: 'deleted', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
          ],
          responses: { 200: { description: 'Documents, most recently edited first', ...json('DocumentList') }, 400: error('Bad query') },
        },
        post: {
          summary: 'Create a document',
          requestBody: { required: true, ...json('CreateDocument') },
          responses: {
            201: { description: 'Created', ...json('Document') },
            400: error('Invalid body'),
            413: error('Body too large'),
            415: error('Not JSON'),
          },
        },
      },
      '/api/documents/{id}': {
        parameters: [idParam],
        get: { summary: 'Get a document', responses: { 200: { description: 'The document', ...json('Document') }, 404: error('Unknown id') } },
        patch: {
          summary: 'Rename a document',
          requestBody: { required: true, ...json('UpdateDocument') },
          responses: {
            200: { description: 'Renamed', ...json('Document') },
            400: error('Invalid body'),
            404: error('Unknown id'),
            409: error('In the trash'),
          },
        },
        delete: {
          summary: 'Move a document to the trash (its open sockets close with 4404)',
          responses: { 200: { description: 'Trashed', ...json('Document') }, 404: error('Unknown id') },
        },
      },
      '/api/documents/{id}/restore': {
        parameters: [idParam],
        post: { summary: 'Restore from the trash', responses: { 200: { description: 'Restored', ...json('Document') }, 404: error('Unknown id') } },
      },
      '/api/documents/{id}/permanent': {
        parameters: [idParam],
        delete: {
          summary: 'Delete a trashed document for good',
          responses: { 204: { description: 'Deleted' }, 404: error('Unknown id'), 409: error('Not in the trash') },
        },
      },
      '/api/documents/{id}/shares': {
        parameters: [idParam],
        get: { summary: 'Who the document is shared with', responses: { 200: ok('Shares'), 404: error('Unknown or unreadable id') } },
        put: { summary: 'Share with a user or branch at a level (owner)', requestBody: body('SetShare'), responses: { 200: ok('The share', 'Share'), ...signedIn } },
      },
      '/api/documents/{id}/shares/{granteeType}/{granteeId}': {
        parameters: [idParam, param('granteeType'), param('granteeId')],
        delete: { summary: 'Remove a share (owner); open sockets lose access within seconds', responses: { 204: ok('Removed'), ...signedIn, 404: error('No such share') } },
      },
      '/api/documents/{id}/threads': {
        parameters: [idParam],
        get: { summary: 'Comment threads with their comments', responses: { 200: ok('Threads'), 404: error('Unknown or unreadable id') } },
        post: {
          summary: 'Open a thread on a text range (comment access or more)',
          requestBody: body('CreateThread'),
          responses: { 201: ok('The thread', 'Thread'), 400: error('Invalid body or mention'), ...signedIn, 404: error('Unknown or unreadable id') },
        },
      },
      '/api/documents/{id}/threads/{threadId}/comments': {
        parameters: [idParam, param('threadId')],
        post: { summary: 'Reply in a thread', requestBody: body('Reply'), responses: { 201: ok('The thread', 'Thread'), ...signedIn, 404: error('Unknown') } },
      },
      '/api/documents/{id}/threads/{threadId}/resolve': {
        parameters: [idParam, param('threadId')],
        post: { summary: 'Resolve (document author, thread author or a mentor)', responses: { 200: ok('The thread', 'Thread'), ...signedIn, 404: error('Unknown') } },
      },
      '/api/documents/{id}/threads/{threadId}/reopen': {
        parameters: [idParam, param('threadId')],
        post: { summary: 'Reopen a resolved thread', responses: { 200: ok('The thread', 'Thread'), ...signedIn, 404: error('Unknown') } },
      },
      '/api/documents/{id}/comments/{commentId}': {
        parameters: [idParam, param('commentId')],
        patch: { summary: 'Edit my comment', requestBody: body('EditComment'), responses: { 200: ok('The thread', 'Thread'), ...signedIn, 404: error('Unknown') } },
        delete: { summary: 'Delete my comment (the first one deletes the thread)', responses: { 204: ok('Deleted'), ...signedIn, 404: error('Unknown') } },
      },
      '/api/auth/login': {
        post: { summary: 'Sign in; sets the HttpOnly session cookie', security: [], requestBody: body('Login'), responses: { 200: ok('The user', 'User'), 401: error('Wrong username or password'), 429: error('Too many attempts') } },
      },
      '/api/auth/logout': { post: { summary: 'Sign out (revokes the session)', responses: { 204: ok('Signed out') } } },
      '/api/auth/me': { get: { summary: 'The signed-in user', responses: { 200: ok('The user', 'User'), 401: error('Not signed in') } } },
      '/api/auth/password': {
        post: { summary: 'Change my password (signs out my other sessions)', requestBody: body('ChangePassword'), responses: { 204: ok('Changed'), 400: error('Wrong current password'), 401: error('Not signed in') } },
      },
      '/api/tokens': {
        get: { summary: 'My personal API tokens', responses: { 200: ok('Tokens'), 401: error('Not signed in') } },
        post: { summary: 'Create a token; the secret is in this answer only', requestBody: body('CreateToken'), responses: { 201: ok('The token with its secret'), 401: error('Not signed in') } },
      },
      '/api/tokens/{id}': { parameters: [idParam], delete: { summary: 'Revoke a token', responses: { 204: ok('Revoked'), 404: error('No such token') } } },
      '/api/users': {
        get: { summary: 'All users (org admin)', responses: { 200: ok('Users'), ...signedIn } },
        post: { summary: 'Create a user (org admin); answers a temporary password', requestBody: body('CreateUser'), responses: { 201: ok('Created'), ...signedIn, 409: error('Username taken') } },
      },
      '/api/users/{id}': {
        parameters: [idParam],
        patch: { summary: 'Rename, disable/enable, grant/revoke admin (org admin)', requestBody: body('UpdateUser'), responses: { 200: ok('The user', 'User'), ...signedIn, 404: error('Unknown user') } },
      },
      '/api/users/{id}/reset-password': {
        parameters: [idParam],
        post: { summary: 'Set a temporary password (org admin)', responses: { 200: ok('The temporary password'), ...signedIn, 404: error('Unknown user') } },
      },
      '/api/directory': {
        get: { summary: 'People and branches to share with', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: { 200: ok('Matches'), 401: error('Not signed in') } },
      },
      '/api/branches': {
        get: { summary: 'My branches (all, for the org admin)', responses: { 200: ok('Branches'), 401: error('Not signed in') } },
        post: { summary: 'Create a branch (org admin)', requestBody: body('CreateBranch'), responses: { 201: ok('Created', 'Branch'), ...signedIn, 409: error('Name taken') } },
      },
      '/api/branches/{id}': { parameters: [idParam], get: { summary: 'A branch with its members', responses: { 200: ok('The branch'), 404: error('Unknown or not yours') } } },
      '/api/branches/{id}/checker': {
        parameters: [idParam],
        get: { summary: '公文 format checker settings: the practice rules the branch switched off, and every rule (members)', responses: { 200: ok('Settings', 'BranchCheckerSettings'), ...signedIn, 404: error('Unknown or not yours') } },
        put: {
          summary: 'Switch practice-only rules off (secretary, admin); rules based on 条例 or GB/T 9704 cannot be switched off',
          requestBody: body('BranchCheckerSettingsBody'),
          responses: { 200: ok('Settings', 'BranchCheckerSettings'), 400: error('Unknown rule, or not a practice rule'), ...signedIn, 404: error('Unknown or not yours') },
        },
      },
      '/api/branches/{id}/members/{userId}': {
        parameters: [idParam, param('userId')],
        put: { summary: 'Add a member or change their role (secretary, admin)', requestBody: body('UpdateMember'), responses: { 200: ok('Done'), ...signedIn, 404: error('Unknown') } },
        delete: { summary: 'Remove a member (secretary, admin)', responses: { 204: ok('Removed'), ...signedIn, 404: error('Not a member') } },
      },
      '/api/branches/{id}/invitations': {
        parameters: [idParam],
        get: { summary: 'Open invitation links (secretary, admin)', responses: { 200: ok('Invitations'), ...signedIn } },
        post: { summary: 'Create an invitation link', requestBody: body('CreateInvitation'), responses: { 201: ok('The link with its secret'), ...signedIn } },
      },
      '/api/branches/{id}/invitations/{invitationId}': {
        parameters: [idParam, param('invitationId')],
        delete: { summary: 'Revoke an invitation link', responses: { 204: ok('Revoked'), ...signedIn, 404: error('Unknown') } },
      },
      '/api/invitations/{token}': {
        parameters: [param('token')],
        get: { summary: 'What an invitation offers', security: [], responses: { 200: ok('Branch and role'), 404: error('Invalid or expired') } },
      },
      '/api/invitations/{token}/accept': {
        parameters: [param('token')],
        post: { summary: 'Create an account through an invitation (signs in)', security: [], requestBody: body('AcceptInvitation'), responses: { 201: ok('The user', 'User'), 404: error('Invalid or expired'), 409: error('Username taken') } },
      },
      '/api/roster/preview': {
        post: { summary: 'Check a CSV roster; lists every bad row; writes nothing', requestBody: body('RosterCsv'), responses: { 200: ok('Rows with their status and errors'), ...signedIn } },
      },
      '/api/roster/import': {
        post: { summary: 'Import a CSV roster, all or nothing; answers temporary passwords', requestBody: body('RosterCsv'), responses: { 201: ok('Created accounts'), 400: error('Bad rows; nothing imported'), ...signedIn } },
      },
      '/api/audit': {
        get: { summary: 'Security events, newest first (org admin)', parameters: [{ name: 'before', in: 'query', schema: { type: 'integer' } }], responses: { 200: ok('Events'), ...signedIn } },
      },
      '/api/documents/{id}/content': {
        parameters: [idParam, { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'text', 'html'] } }],
        get: {
          summary: 'The stored body as ProseMirror JSON, plain text or HTML',
          responses: { 200: { description: 'Content', ...json('DocumentContent') }, 404: error('Unknown id') },
        },
      },
      '/api/templates': {
        get: { summary: 'Templates to start a document from: the built-in 公文 and everyday ones, then those of my branches', responses: { 200: ok('Templates', 'TemplateList'), 401: error('Not signed in') } },
      },
      '/api/branches/{id}/templates': {
        parameters: [idParam],
        post: {
          summary: "Save a readable document's body as a branch template (secretaries, mentors, admins)",
          requestBody: body('CreateBranchTemplate'),
          responses: { 201: ok('The template', 'Template'), 400: error('Invalid body or unreadable document'), ...signedIn, 404: error('Unknown branch or not a member'), 413: error('Document too long') },
        },
      },
      '/api/branches/{id}/templates/{templateId}': {
        parameters: [idParam, param('templateId')],
        delete: { summary: 'Delete a branch template (secretaries, mentors, admins)', responses: { 204: { description: 'Deleted' }, ...signedIn, 404: error('Unknown branch or template') } },
      },
      '/api/documents/{id}/export': {
        parameters: [idParam],
        get: {
          summary: 'Export as Word (GB/T 9704 layout for 公文 kinds, plain otherwise), Markdown, or the print view (HTML); without pending suggestions',
          parameters: [
            { name: 'format', in: 'query', schema: { type: 'string', enum: ['docx', 'md', 'html'], default: 'docx' } },
            { name: 'download', in: 'query', description: '1: the print view as an attachment', schema: { type: 'string', enum: ['0', '1'] } },
          ],
          responses: {
            200: {
              description: 'The file, with Content-Disposition naming it after the title (RFC 5987 filename*)',
              content: {
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
                'text/markdown': { schema: { type: 'string' } },
                'text/html': { schema: { type: 'string' } },
              },
            },
            400: error('Unknown format'),
            401: error('Not signed in'),
            404: error('Unknown or unreadable id'),
          },
        },
      },
      '/api/documents/{id}/review': {
        parameters: [idParam],
        get: { summary: 'Review state (draft, submitted, returned, approved) and its history', responses: { 200: ok('The review', 'Review'), 404: error('Unknown or unreadable id') } },
      },
      '/api/documents/{id}/check': {
        parameters: [idParam],
        get: {
          summary: '公文 format check of the current text (suggestions left out), with the settings of the document’s branch (view access)',
          responses: { 200: ok('Findings', 'DocumentCheck'), ...signedIn, 404: error('Unknown or unreadable id') },
        },
      },
      '/api/documents/{id}/review/submit': {
        parameters: [idParam],
        post: {
          summary: 'Submit (or resubmit after a return) to a reviewer (author); freezes a version, format-checks a 公文 (the event’s checkSummary), gives the reviewer comment access, notifies them',
          requestBody: body('SubmitReview'),
          responses: { 200: ok('The review', 'Review'), 400: error('Invalid body or reviewer'), ...signedIn, 404: error('Unknown or unreadable id'), 409: error('Illegal transition or in the trash') },
        },
      },
      '/api/documents/{id}/review/withdraw': {
        parameters: [idParam],
        post: { summary: 'Withdraw a submission (author); back to draft', responses: { 200: ok('The review', 'Review'), ...signedIn, 404: error('Unknown or unreadable id'), 409: error('Illegal transition') } },
      },
      '/api/documents/{id}/review/return': {
        parameters: [idParam],
        post: {
          summary: 'Return with an overall comment (the chosen reviewer)',
          requestBody: body('ReturnReview'),
          responses: { 200: ok('The review', 'Review'), 400: error('Invalid body'), ...signedIn, 404: error('Unknown or unreadable id'), 409: error('Illegal transition') },
        },
      },
      '/api/documents/{id}/review/approve': {
        parameters: [idParam],
        post: {
          summary: 'Approve, optionally with a comment (the chosen reviewer)',
          requestBody: body('ApproveReview'),
          responses: { 200: ok('The review', 'Review'), 400: error('Invalid body'), ...signedIn, 404: error('Unknown or unreadable id'), 409: error('Illegal transition') },
        },
      },
      '/api/documents/{id}/versions': {
        parameters: [idParam],
        get: { summary: 'Versions, newest first (named, submissions, checkpoints, kept before a restore)', responses: { 200: ok('Versions', 'VersionList'), 404: error('Unknown or unreadable id') } },
        post: { summary: 'Keep the current content as a named version (edit access)', requestBody: body('CreateVersion'), responses: { 201: ok('The version', 'Version'), 400: error('Invalid body'), ...signedIn, 404: error('Unknown or unreadable id'), 409: error('In the trash') } },
      },
      '/api/documents/{id}/versions/{versionId}': {
        parameters: [idParam, param('versionId'), { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'text', 'html'] } }],
        get: { summary: "A version's content as ProseMirror JSON, plain text or HTML", responses: { 200: ok('The content', 'VersionContent'), 404: error('Unknown id or version') } },
        patch: { summary: 'Name or rename a version (edit access); an empty name clears it', requestBody: body('RenameVersion'), responses: { 200: ok('The version', 'Version'), 400: error('Invalid body'), ...signedIn, 404: error('Unknown id or version') } },
      },
      '/api/documents/{id}/versions/{versionId}/restore': {
        parameters: [idParam, param('versionId')],
        post: {
          summary: 'Restore a version (edit access): applied to the live document as a new change that every open editor follows; the replaced content is kept as a version',
          responses: { 200: ok('The restored version and the backup', 'RestoreResult'), ...signedIn, 404: error('Unknown id or version'), 409: error('In the trash'), 413: error('Too large') },
        },
      },
      '/api/documents/{id}/diff': {
        parameters: [
          idParam,
          { name: 'from', in: 'query', required: true, schema: { type: 'string' }, description: 'A version id, or `current`' },
          { name: 'to', in: 'query', schema: { type: 'string', default: 'current' }, description: 'A version id, or `current`' },
        ],
        get: { summary: 'Character diff (inline insertions and deletions) of the plain texts of two versions or a version and the current text', responses: { 200: ok('The diff', 'DocumentDiff'), 400: error('Bad query'), 404: error('Unknown id or version') } },
      },
      '/api/reviews': {
        get: {
          summary: 'Documents submitted to me for review (role=reviewer), or that I submitted (role=author)',
          parameters: [
            { name: 'role', in: 'query', schema: { type: 'string', enum: ['reviewer', 'author'], default: 'reviewer' } },
            { name: 'state', in: 'query', schema: { type: 'string', enum: ['draft', 'submitted', 'returned', 'approved'] } },
          ],
          responses: { 200: ok('Reviews, most recently changed first', 'ReviewQueue'), 400: error('Bad query'), 401: error('Not signed in') },
        },
      },
      '/api/search': {
        get: {
          summary: 'Search the titles and text of the live documents I may read',
          description:
            'Terms are separated by spaces and must all match (title or body). Terms of three or more characters use the trigram index and rank by bm25 with title hits first; shorter ones (党建, 学) are matched as substrings. Highlights are ranges into plain text, never HTML.',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
            { name: 'kind', in: 'query', schema: { type: 'string' } },
            { name: 'branchId', in: 'query', schema: { type: 'string' } },
            { name: 'authorId', in: 'query', description: 'Owner; branch documents have none', schema: { type: 'string' } },
            { name: 'from', in: 'query', description: 'Last edited at or after (ISO 8601 with offset)', schema: { type: 'string', format: 'date-time' } },
            { name: 'to', in: 'query', description: 'Last edited at or before (ISO 8601 with offset)', schema: { type: 'string', format: 'date-time' } },
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['relevance', 'updated'], default: 'relevance' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 10000, default: 0 } },
          ],
          responses: {
            200: ok('Matches, best first', 'SearchResults'),
            400: error('Empty, too long or bad query'),
            401: error('Not signed in'),
            503: error('No search index on this database yet'),
          },
        },
      },
      '/api/notifications': {
        get: {
          summary: 'My notifications, newest first, with the unread count',
          parameters: [
            { name: 'unread', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
          ],
          responses: { 200: ok('Notifications', 'NotificationList'), 400: error('Bad query'), 401: error('Not signed in') },
        },
      },
      '/api/notifications/read': {
        post: { summary: 'Mark some (ids) or all of my notifications read; my open editors get the new count', requestBody: body('MarkNotificationsRead'), responses: { 200: ok('The unread count', 'UnreadCount'), 400: error('Invalid body'), 401: error('Not signed in') } },
      },
      ...assignmentPaths,
      ...journalPaths,
    },
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'dongbi_session' },
        token: { type: 'http', scheme: 'bearer', description: 'A personal API token (dbt_…) from POST /api/tokens' },
      },
    },
    security: [{ session: [] }, { token: [] }],
  }
}
