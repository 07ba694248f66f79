import type { PeerAliasDto, PersonDto } from '@dongbi/schema'
import { tr } from '../messages.ts'

/** 同伴评审 k/N (Peer reviewer k/N): an anonymous peer reviewer as the server names them for this viewer. */
export function peerAliasName(alias: PeerAliasDto): string {
  return tr('peer.alias', { index: alias.index, of: alias.of })
}

/** A person's name in the interface language: an anonymous peer by alias, anyone else by name. */
export function personName(person: Pick<PersonDto, 'name' | 'alias'>): string {
  return person.alias ? peerAliasName(person.alias) : person.name
}
