/** Who is typing, until accounts arrive: a name and caret colour kept in this browser. */
export interface Identity {
  name: string
  color: string
}

const storageKey = 'dongbi.identity'
const palette = ['#d1242f', '#0969da', '#1a7f37', '#8250df', '#bc4c00', '#bf3989', '#0a7c86', '#6e7781']

export function loadIdentity(): Identity {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<Identity> | null
    if (stored?.name && stored.color) return { name: stored.name, color: stored.color }
  } catch {
    // fall through to a fresh identity
  }
  const n = Math.floor(Math.random() * 900) + 100
  const identity = { name: `访客${n}`, color: palette[n % palette.length]! }
  saveIdentity(identity)
  return identity
}

export function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(identity))
  } catch {
    // private mode: lasts for this page
  }
}
