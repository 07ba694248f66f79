/** The Y.XmlFragment holding the rich-text body (Tiptap's Collaboration default). */
export const bodyFragmentName = 'default'
