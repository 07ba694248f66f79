import { peerAliases, type AnonymousPeers } from '../policies/peerAnonymity.ts'
import type { Store } from '../store/Store.ts'

/** The actor fields of a notification, as its recipient may know the actor. */
export interface NotifiedActor {
  actorId: string | null
  /** Merged into the notification's data: the alias in Chinese and its parts for the client. */
  data: { actorAlias?: string; peerAlias?: { index: number; of: number } }
}

/**
 * An anonymous peer acting on a work (commenting, replying, scoring) is told to a recipient
 * who may not know them (see `peerAliases`) by alias only: no actor id, so the inbox has no
 * name to join; everyone else is named as usual.
 */
export async function actorFor(store: Store, peers: AnonymousPeers | null, recipientId: string, actorId: string): Promise<NotifiedActor> {
  if (!peers?.peerIds.includes(actorId)) return { actorId, data: {} }
  const alias = (await peerAliases(store, await store.users.byId(recipientId), peers)).get(actorId)
  if (!alias) return { actorId, data: {} }
  return { actorId: null, data: { actorAlias: alias.name, peerAlias: { index: alias.index, of: alias.of } } }
}
