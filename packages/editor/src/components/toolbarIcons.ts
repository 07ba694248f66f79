import { svg, type SVGTemplateResult } from 'lit'

const icon = (body: SVGTemplateResult) => svg`<svg viewBox="0 0 24 24" aria-hidden="true">${body}</svg>`

/** Line icons for the toolbar, drawn on a 24×24 grid. */
export const toolbarIcons = {
  undo: icon(svg`<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>`),
  redo: icon(svg`<path d="m15 14 5-5-5-5"/><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>`),
  bold: icon(svg`<path d="M7 5h6a3.5 3.5 0 0 1 0 7H7z"/><path d="M7 12h7a3.5 3.5 0 0 1 0 7H7z"/>`),
  italic: icon(svg`<path d="M19 4h-9M14 20H5M15 4 9 20"/>`),
  underline: icon(svg`<path d="M6 4v6a6 6 0 0 0 12 0V4"/><path d="M4 20h16"/>`),
  strike: icon(svg`<path d="M16 6a4 4 0 0 0-4-2H11a3.5 3.5 0 0 0 0 7"/><path d="M4 12h16"/><path d="M8 18a4 4 0 0 0 4 2h1a3.5 3.5 0 0 0 2.5-6"/>`),
  bulletList: icon(svg`<path d="M9 6h11M9 12h11M9 18h11"/><circle cx="4.5" cy="6" r="1"/><circle cx="4.5" cy="12" r="1"/><circle cx="4.5" cy="18" r="1"/>`),
  orderedList: icon(svg`<path d="M10 6h10M10 12h10M10 18h10"/><path d="M4 4h1v5M4 9h2"/><path d="M4 14.5a1.2 1.2 0 0 1 2 .9L4 19h2.2"/>`),
  blockquote: icon(svg`<path d="M4 6h16M8 12h12M8 18h12"/><path d="M4 11v8"/>`),
  horizontalRule: icon(svg`<path d="M3 12h18"/><path d="M7 7h10M7 17h10" opacity="0.35"/>`),
  'align-left': icon(svg`<path d="M4 6h16M4 10h10M4 14h16M4 18h10"/>`),
  'align-center': icon(svg`<path d="M4 6h16M7 10h10M4 14h16M7 18h10"/>`),
  'align-right': icon(svg`<path d="M4 6h16M10 10h10M4 14h16M10 18h10"/>`),
  'align-justify': icon(svg`<path d="M4 6h16M4 10h16M4 14h16M4 18h16"/>`),
} as const
