/** Styles of the light-DOM editing surface, adopted once per document. */
export const editorCss = `
dongbi-editor { display: block; }
dongbi-editor .dongbi-editor__surface { position: relative; }
dongbi-editor .ProseMirror {
  outline: none;
  min-height: 24rem;
  font-family: var(--dongbi-body-font, "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif);
  font-size: var(--dongbi-body-size, 1.0625rem);
  line-height: 1.9;
  color: #1f2328;
  word-break: break-word;
  overflow-wrap: anywhere;
  line-break: strict;
  white-space: pre-wrap;
  caret-color: #111;
}
dongbi-editor .ProseMirror > * + * { margin-top: 0.6em; }
dongbi-editor .ProseMirror p { margin: 0; }
dongbi-editor .ProseMirror h1, dongbi-editor .ProseMirror h2, dongbi-editor .ProseMirror h3, dongbi-editor .ProseMirror h4 {
  font-family: var(--dongbi-heading-font, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif);
  line-height: 1.5; margin: 1em 0 0.4em; font-weight: 700;
}
dongbi-editor .ProseMirror h1 { font-size: 1.6em; }
dongbi-editor .ProseMirror h2 { font-size: 1.3em; }
dongbi-editor .ProseMirror h3 { font-size: 1.15em; }
dongbi-editor .ProseMirror h4 { font-size: 1.05em; }
dongbi-editor .ProseMirror ul, dongbi-editor .ProseMirror ol { padding-left: 2em; margin: 0.4em 0; }
dongbi-editor .ProseMirror li > p { margin: 0.15em 0; }
dongbi-editor .ProseMirror blockquote { margin: 0.8em 0; padding: 0.2em 1em; border-left: 3px solid #c9ced6; color: #4b5563; }
dongbi-editor .ProseMirror hr { border: none; border-top: 1px solid #d0d7de; margin: 1.2em 0; }
dongbi-editor .ProseMirror p.is-editor-empty:first-child::before {
  content: attr(data-placeholder); float: left; height: 0; pointer-events: none; color: #9aa3ad;
}
dongbi-editor .ProseMirror[contenteditable="false"] { caret-color: transparent; }
dongbi-editor .collaboration-carets__caret {
  position: relative; margin: 0 -1px; border-left: 1px solid; border-right: 1px solid;
  word-break: normal; pointer-events: none;
}
dongbi-editor .collaboration-carets__label {
  position: absolute; top: -1.45em; left: -1px; padding: 0.05rem 0.35rem; border-radius: 3px 3px 3px 0;
  color: #fff; font: 600 0.72rem/1.35 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  white-space: nowrap; user-select: none;
}
dongbi-editor .collaboration-carets__selection { opacity: 0.9; }
dongbi-editor .dongbi-comment { background: rgb(255 212 0 / 0.28); border-bottom: 2px solid rgb(234 179 8 / 0.75); cursor: pointer; }
dongbi-editor .dongbi-comment .dongbi-comment { background: rgb(255 180 0 / 0.4); }
dongbi-editor .dongbi-comment--active { background: rgb(255 190 0 / 0.55); }
dongbi-editor ins.dongbi-suggestion--insert {
  color: #116329; background: rgb(26 127 55 / 0.08);
  text-decoration: underline 2px #1a7f37; text-underline-offset: 0.22em; text-decoration-skip-ink: none;
}
dongbi-editor del.dongbi-suggestion--delete {
  color: #a40e26; background: rgb(207 34 46 / 0.06); text-decoration: line-through 1.5px #cf222e;
}
dongbi-editor .dongbi-check { text-decoration-line: underline; text-decoration-style: wavy; text-decoration-thickness: 1.5px; text-underline-offset: 0.28em; text-decoration-skip-ink: none; }
dongbi-editor .dongbi-check--error { text-decoration-color: #d1242f; background: rgb(209 36 47 / 0.05); }
dongbi-editor .dongbi-check--warning { text-decoration-color: #d4a72c; background: rgb(212 167 44 / 0.07); }
`

const adopted = new WeakSet<Document>()

export function adoptEditorStyles(doc: Document): void {
  if (adopted.has(doc)) return
  adopted.add(doc)
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(editorCss)
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
}
