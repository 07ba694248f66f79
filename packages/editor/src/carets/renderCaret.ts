import { parsePeerAliasId } from '@dongbi/schema'
import { t } from '../i18n/locale.ts'

const fallbackColor = '#6e7781'

/**
 * Draws a collaborator's caret as Tiptap's CollaborationCaret does (same classes), with the
 * label worded for the reader: an anonymous peer reviewer, whom the server stamps with an
 * alias id, reads 同伴评审 k/N or Peer reviewer k/N.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(user.color) ? user.color : fallbackColor
  const alias = typeof user.id === 'string' ? parsePeerAliasId(user.id) : undefined
  const name = alias ? t('caret.peerAlias', { index: alias.index, of: alias.of }) : String(user.name ?? '')
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.style.borderColor = color
  const label = document.createElement('div')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = color
  label.append(document.createTextNode(name))
  caret.append(label)
  return caret
}
