import type { NotificationKind, ReviewAction, ReviewState, VersionKind } from '@dongbi/schema'
import type { ColumnType, Generated } from 'kysely'

/** Table types for Kysely; one definition shared by every dialect. */
export interface Database {
  documents: DocumentsTable
  doc_updates: DocUpdatesTable
  users: UsersTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  branches: BranchesTable
  memberships: MembershipsTable
  invitations: InvitationsTable
  document_shares: DocumentSharesTable
  audit_events: AuditEventsTable
  comment_threads: CommentThreadsTable
  comments: CommentsTable
  document_versions: DocumentVersionsTable
  document_reviews: DocumentReviewsTable
  review_events: ReviewEventsTable
  notifications: NotificationsTable
  branch_templates: BranchTemplatesTable
  assignments: AssignmentsTable
  assignment_works: AssignmentWorksTable
  assignment_reviewers: AssignmentReviewersTable
  assignment_scores: AssignmentScoresTable
  journal_entries: JournalEntriesTable
  journal_tags: JournalTagsTable
  study_topics: StudyTopicsTable
  branch_checker_settings: BranchCheckerSettingsTable
}

export interface DocumentsTable {
  id: string
  title: string
  created_at: string
  updated_at: string
  deleted_at: string | null
  /** The user who owns it; null for a branch-owned document. */
  owner_id: string | null
  /** Set for branch-owned documents (e.g. a discussion summary co-edited by the branch). */
  branch_id: string | null
  /** A {@link DocumentKind}: 公文 type, everyday form, journal entry or free. */
  kind: string
  /** The template the document began from, if any. */
  template_id: string | null
}

/**
 * The append-only Yjs update log. After compaction a document has one row holding its
 * whole state, followed by the updates appended since.
 */
export interface DocUpdatesTable {
  seq: Generated<number>
  doc_id: string
  data: Uint8Array
}

export interface UsersTable {
  id: string
  /** Lower-case login name. */
  username: string
  display_name: string
  /** `scrypt$N$r$p$salt$hash` */
  password_hash: string
  is_admin: number
  must_change_password: number
  birth_year: number | null
  color: string
  disabled_at: string | null
  created_at: string
  updated_at: string
}

export interface SessionsTable {
  /** sha256 of the cookie's secret: a leaked database does not leak sessions. */
  id: string
  user_id: string
  created_at: string
  expires_at: string
  last_seen_at: string
  revoked_at: string | null
  ip: string
  user_agent: string
}

export interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  token_hash: string
  created_at: string
  last_used_at: string | null
  expires_at: string | null
  revoked_at: string | null
}

export interface BranchesTable {
  id: string
  name: string
  created_at: string
}

export interface MembershipsTable {
  branch_id: string
  user_id: string
  role: 'member' | 'mentor' | 'secretary'
  created_at: string
}

export interface InvitationsTable {
  id: string
  token_hash: string
  branch_id: string
  role: 'member' | 'mentor' | 'secretary'
  created_by: string
  created_at: string
  expires_at: string
  max_uses: number
  uses: number
  revoked_at: string | null
}

export interface DocumentSharesTable {
  document_id: string
  grantee_type: 'user' | 'branch'
  grantee_id: string
  level: 'edit' | 'comment' | 'view'
  created_by: string
  created_at: string
}

export interface AuditEventsTable {
  id: Generated<number>
  at: string
  actor_id: string | null
  action: string
  target_type: string | null
  target_id: string | null
  ip: string
  /** JSON object */
  details: string
}

export interface CommentThreadsTable {
  id: string
  document_id: string
  author_id: string
  /** base64 of Y.encodeRelativePosition */
  anchor_start: string
  anchor_end: string
  quote: string
  status: 'open' | 'resolved'
  resolved_by: string | null
  resolved_at: string | null
  created_at: string
  /** The assignment rubric criterion the thread is tied to (optional on insert). */
  criterion_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface CommentsTable {
  id: string
  thread_id: string
  author_id: string
  body: string
  /** JSON array of mentioned user ids */
  mentions: string
  created_at: string
  edited_at: string | null
}

/**
 * A frozen copy of a document's body. Stored as ProseMirror JSON, not as a Yjs state: it
 * reads back without replaying anything, renders to text and HTML directly, does not keep
 * the Yjs history (deleted items, client ids) of the live document alive, and a restore has
 * to go through the live doc as a new change anyway (see `replaceBody`).
 */
export interface DocumentVersionsTable {
  id: string
  document_id: string
  /** 1, 2, 3… per document. */
  number: number
  kind: VersionKind
  name: string | null
  /** null for automatic checkpoints. */
  created_by: string | null
  created_at: string
  /** Characters of its plain text (countCharacters().total), for lists. */
  characters: number
  /** ProseMirror JSON of the body. */
  content: string
}

/** A document's place in the review loop; no row means `draft`. */
export interface DocumentReviewsTable {
  document_id: string
  state: ReviewState
  reviewer_id: string | null
  submitted_by: string | null
  updated_at: string
}

/** Every review transition, append-only: the status history. */
export interface ReviewEventsTable {
  id: Generated<number>
  document_id: string
  action: ReviewAction
  from_state: ReviewState
  to_state: ReviewState
  actor_id: string | null
  reviewer_id: string | null
  /** The overall comment of a return or approval, or the note of a submission. */
  comment: string | null
  version_id: string | null
  /** JSON {errors, warnings}: the 公文 format check of a submitted 公文. */
  check_summary: string | null
  at: string
}

/** The in-app inbox. */
export interface NotificationsTable {
  id: string
  user_id: string
  kind: NotificationKind
  document_id: string | null
  actor_id: string | null
  /** JSON object, kind-specific. */
  data: string
  created_at: string
  read_at: string | null
}

/** A branch's own template (id without the `branch:` prefix the API shows). */
export interface BranchTemplatesTable {
  id: string
  branch_id: string
  name: string
  /** A {@link DocumentKind}. */
  kind: string
  description: string
  /** Title of documents started from it. */
  title: string
  /** The body as ProseMirror JSON text. */
  body: string
  created_by: string
  created_at: string
}

/** An assignment set for a branch (作业): what to write, by when, for whom, and how it is scored. */
export interface AssignmentsTable {
  id: string
  branch_id: string
  created_by: string
  title: string
  prompt: string
  kind: string
  template_id: string | null
  deadline: string
  min_chars: number | null
  max_chars: number | null
  /** JSON {@link Audience}. */
  audience: string
  /** JSON {@link Rubric}. */
  rubric: string
  /** JSON {@link Allocation}. */
  allocation: string
  status: 'open' | 'closed'
  created_at: string
  updated_at: string
}

/** One member's piece of writing for an assignment, created when they start it. */
export interface AssignmentWorksTable {
  assignment_id: string
  user_id: string
  document_id: string
  started_at: string
  /** The first submission; `late` when it came after the deadline. */
  submitted_at: string | null
  late: number
}

/** Who reviews a member's work, allocated when they start; `position` numbers peers 1..N. */
export interface AssignmentReviewersTable {
  assignment_id: string
  user_id: string
  reviewer_id: string
  position: number
}

/** A reviewer's chosen level for one criterion of one work. */
export interface AssignmentScoresTable {
  assignment_id: string
  document_id: string
  reviewer_id: string
  criterion_id: string
  level_id: string
  points: number
  note: string
  updated_at: string
}

/** A journal entry's own facts; its body is the document's. */
export interface JournalEntriesTable {
  document_id: string
  /** The writer; only they see the entry unless they share it. */
  user_id: string
  /** The writer's local date, YYYY-MM-DD; several entries may share one. */
  entry_date: string
  /** The daily prompt it answers, as text. */
  prompt: string | null
  /** Cached 字数 of the body, valid while `characters_seq` is the document's last update seq. */
  characters: number
  /** The body's opening text, for lists and resurfacing cards; cached with `characters`. */
  excerpt: string
  characters_seq: number
  created_at: string
}

export interface JournalTagsTable {
  document_id: string
  tag: string
}

/** A branch's study topics (专题) for a month, in order; daily prompts rotate through them. */
export interface StudyTopicsTable {
  branch_id: string
  /** YYYY-MM */
  month: string
  position: number
  title: string
  /** JSON array of guiding questions (思考题). */
  questions: string
  updated_by: string | null
  updated_at: string
}

/** The practice-only format-checker rules a branch switched off. */
export interface BranchCheckerSettingsTable {
  branch_id: string
  /** JSON array of the practice-rule ids the branch switched off. */
  disabled_rules: string
  updated_by: string | null
  updated_at: string
}
