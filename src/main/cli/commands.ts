import type { Command } from './context'

/**
 * Every command, and the module that runs it, loaded only when that command is asked for:
 * `copydesk --version` loads none of them and `list` only its own, so neither pays for what
 * import, export or serve need (mammoth, docx, sanitize-html, zod...). Adding a command is
 * one line here and a module of its own.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  import: () => import('./importing').then((m) => m.importFiles),
  list: () => import('./articles').then((m) => m.listArticles),
  show: () => import('./articles').then((m) => m.show),
  delete: () => import('./articles').then((m) => m.remove),
  annotations: () => import('./annotating').then((m) => m.annotations),
  annotate: () => import('./annotating').then((m) => m.annotate),
  'import-annotations': () => import('./importing').then((m) => m.importAnnotations),
  export: () => import('./exporting').then((m) => m.exportArticle),
  suggest: () => import('./suggesting').then((m) => m.suggest),
  serve: () => import('./serve').then((m) => m.serve),
  backup: () => import('./backup').then((m) => m.backup),
  backups: () => import('./backup').then((m) => m.backups),
  comments: () => import('./threads').then((m) => m.threadCommands.comments),
  comment: () => import('./threads').then((m) => m.threadCommands.comment),
  search: () => import('./search').then((m) => m.searchCommand),
  'checked-before': () => import('./checked-before').then((m) => m.checkedBefore),
  speakers: () => import('./speakers').then((m) => m.speakerCommands.speakers),
  speaker: () => import('./speakers').then((m) => m.speakerCommands.speaker),
  people: () => import('./desk').then((m) => m.deskCommands.people),
  config: () => import('./desk').then((m) => m.deskCommands.config),
  claims: () => import('./desk').then((m) => m.deskCommands.claims),
  claim: () => import('./desk').then((m) => m.deskCommands.claim),
  signoff: () => import('./desk').then((m) => m.deskCommands.signoff)
}
