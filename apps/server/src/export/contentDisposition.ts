/** Characters no file system takes in a name, and control characters. */
const unsafe = /[\\/:*?"<>|\u0000-\u001f\u007f]/g

/** A file name from a document title: unsafe characters replaced, length bounded, never empty. */
export function exportFileName(title: string, extension: string): string {
  const base = title.replace(unsafe, '_').replace(/\s+/g, ' ').trim().slice(0, 120) || 'document'
  return `${base}.${extension}`
}

/** RFC 5987 `attr-char`s stay; everything else is percent-encoded UTF-8. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * `Content-Disposition` with the UTF-8 name for every current browser (RFC 6266 / RFC 5987
 * `filename*`) and an ASCII stand-in for the rest.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_')
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`
}
