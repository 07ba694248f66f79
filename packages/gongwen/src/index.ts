export type { Template, BodyJson } from './templates/Template.ts'
export { builtinTemplates, builtinTemplate } from './templates/builtinTemplates.ts'
export { heading, paragraph } from './templates/blocks.ts'
