import { en, zh, type MessageKey } from './messages.ts'

export type Locale = 'zh-CN' | 'en'

const storageKey = 'dongbi.locale'
const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en }
const listeners = new Set<() => void>()

function initialLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

let current: Locale = typeof localStorage === 'undefined' ? 'zh-CN' : initialLocale()

export function getLocale(): Locale {
  return current
}

/** Switches the UI language, remembers it, and tells every subscribed component. */
export function setLocale(locale: Locale): void {
  current = locale
  try {
    localStorage.setItem(storageKey, locale)
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
  for (const listener of listeners) listener()
}

export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The message for `key` in the current locale, with `{name}` placeholders filled. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
}
