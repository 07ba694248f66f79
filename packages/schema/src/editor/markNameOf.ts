/** y-tiptap writes a mark that may overlap itself under `name--hash`, eight characters of hash. */
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/

/** The mark a format key of a Y.XmlText names, read as y-tiptap reads it. */
export function markNameOf(key: string): string {
  return hashedMarkName.exec(key)?.[1] ?? key
}
