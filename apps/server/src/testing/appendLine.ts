import { bodyFragmentName } from '@dongbi/schema'
import * as Y from 'yjs'

/**
 * Appends `line` to Y.Text 't' and as a paragraph of the rich-text body, in one transaction:
 * the text makes "nothing lost, nothing doubled" easy to assert, the body keeps the document
 * a real one.
 */
export function appendLine(doc: Y.Doc, line: string): void {
  doc.transact(() => {
    const text = doc.getText('t')
    text.insert(text.length, `${line}\n`)
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(line)])
    const body = doc.getXmlFragment(bodyFragmentName)
    body.insert(body.length, [paragraph])
  })
}
