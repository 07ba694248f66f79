import type * as Y from 'yjs'

/**
 * Resolves once `doc`'s Y.Text `t` has `length` characters, checked after every
 * transaction (no polling, so no timer granularity in the measurement).
 */
export function whenTextLength(doc: Y.Doc, length: number, timeoutMs: number): Promise<void> {
  const text = doc.getText('t')
  if (text.length === length) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (text.length !== length) return
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new Error(`document has ${text.length} characters, expected ${length}, after ${timeoutMs} ms`))
    }, timeoutMs)
    const cleanup = () => {
      clearTimeout(timer)
      doc.off('afterTransaction', check)
    }
    doc.on('afterTransaction', check)
  })
}
