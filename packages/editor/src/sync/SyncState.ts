/** What the sync-status element shows. */
export type SyncStatus = 'saved' | 'syncing' | 'offline'

export interface SyncState {
  status: SyncStatus
  /** Local changes not yet confirmed as stored by the server. */
  pending: number
}
