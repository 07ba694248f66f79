/** A document's metadata row. */
import type { DocumentKind } from '@dongbi/schema'
import type { AssignmentStore } from './AssignmentStore.ts'
import type { AuditLog } from './AuditLog.ts'
import type { BranchStore } from './BranchStore.ts'
import type { CheckerSettingsStore } from './CheckerSettingsStore.ts'
import type { CommentStore } from './CommentStore.ts'
import type { JournalStore } from './JournalStore.ts'
import type { NotificationStore } from './NotificationStore.ts'
import type { ReviewStore } from './ReviewStore.ts'
import type { SessionStore } from './SessionStore.ts'
import type { ShareStore } from './ShareStore.ts'
import type { TemplateStore } from './TemplateStore.ts'
import type { UserStore } from './UserStore.ts'
import type { VersionStore } from './VersionStore.ts'

export interface DocumentRecord {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  /** The owning user; null for branch-owned documents. */
  ownerId: string | null
  /** The owning branch, for branch documents (支部文档). */
  branchId: string | null
  kind: DocumentKind
  templateId: string | null
}

/** Which of a user's document lists: 我的文档, 与我共享, 支部文档, or their trash. */
export type DocumentScope = 'mine' | 'shared' | 'branch' | 'trash'

/** What a document's update log holds: replay `updates` in order to rebuild it. */
export interface StoredUpdates {
  updates: Uint8Array[]
  /** Sequence number of the last update, 0 when empty. */
  lastSeq: number
  /** Total stored bytes. */
  bytes: number
}

export interface AppendEntry {
  docId: string
  data: Uint8Array
}

/**
 * Persistence behind one small interface, implemented for SQLite now and PostgreSQL
 * later. Every method is async so both fit.
 */
export interface Store {
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly branches: BranchStore
  readonly shares: ShareStore
  readonly audit: AuditLog
  readonly comments: CommentStore
  readonly versions: VersionStore
  readonly reviews: ReviewStore
  readonly notifications: NotificationStore
  readonly templates: TemplateStore
  readonly assignments: AssignmentStore
  readonly journal: JournalStore
  readonly checkerSettings: CheckerSettingsStore

  createDocument(record: { id: string; title: string; ownerId?: string | null; branchId?: string | null; kind?: DocumentKind; templateId?: string | null }): Promise<DocumentRecord>
  getDocument(id: string): Promise<DocumentRecord | undefined>
  /** Every document, or the trash (for maintenance and tests; users see {@link listDocumentsFor}). */
  listDocuments(options: { deleted: boolean }): Promise<DocumentRecord[]>
  /** One of a user's lists; `trash` holds documents they own or manage that are deleted. */
  listDocumentsFor(userId: string, scope: DocumentScope, options?: { managedBranchIds?: string[] }): Promise<DocumentRecord[]>
  updateDocument(id: string, changes: { title?: string; deletedAt?: string | null; touch?: boolean }): Promise<DocumentRecord | undefined>
  /** Removes a document and its update log for good. */
  purgeDocument(id: string): Promise<boolean>

  loadUpdates(docId: string): Promise<StoredUpdates>
  /** Appends updates of any documents in one transaction; resolves with each one's seq once durable. */
  appendUpdates(entries: AppendEntry[]): Promise<number[]>
  /**
   * The same, synchronously, when the store can (SQLite with no transaction open on its
   * connection); `undefined` when it cannot, and then {@link appendUpdates} is the way.
   * Throws when the append fails. Optional: PostgreSQL always answers asynchronously.
   */
  appendUpdatesNow?(entries: AppendEntry[]): number[] | undefined
  /** Replaces the log rows up to and including `throughSeq` by one row holding `state`. */
  compact(docId: string, state: Uint8Array, throughSeq: number): Promise<void>

  close(): Promise<void>
}
