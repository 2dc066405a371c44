import { dirname, join, resolve } from 'node:path'
import { backUpNow } from '../core/library'
import { describeWhen, listBackups } from '../core/store/backups'
import type { Context } from './context'
import { checkTarget, placeFile } from './output'

/** `copydesk backup [<file>]`: a copy of the library now, into its backups folder or to a file. */
export async function backup(ctx: Context): Promise<void> {
  const target = ctx.args.positionals[0]
  if (!target) {
    const b = await backUpNow(ctx.store)
    ctx.out(ctx.json ? JSON.stringify(b, null, 2) : `Backed up the library to ${b.path}.`)
    return
  }
  const force = Boolean(ctx.args.values.force)
  const path = resolve(target)
  checkTarget(path, force, 'copydesk-backup.db', '')
  await placeFile(path, force, '', (temp) => ctx.store.db.backup(temp).then(() => undefined))
  ctx.out(ctx.json ? JSON.stringify({ path }) : `Backed up the library to ${path}.`)
}

/** `copydesk backups`: the library's backups, newest first. */
export async function backups(ctx: Context): Promise<void> {
  const list = listBackups(ctx.store.file)
  if (ctx.json) {
    ctx.out(JSON.stringify(list, null, 2))
    return
  }
  if (!list.length) {
    ctx.out(`No backups yet. Copydesk makes one each day the library is opened, in ${join(dirname(ctx.store.file), 'backups')}; make one now with: copydesk${ctx.dbArgs} backup`)
    return
  }
  for (const b of list) ctx.out(`${describeWhen(b.takenAt).padEnd(40)} ${b.kind.padEnd(17)} ${(b.bytes / 1048576).toFixed(1).padStart(7)} MB  ${b.path}`)
}
