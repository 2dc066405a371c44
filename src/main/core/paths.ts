import { homedir } from 'node:os'
import { join } from 'node:path'

/** The folder Copydesk keeps its data in: the same one Electron's userData names for the app. */
export function dataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Copydesk')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Copydesk')
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Copydesk')
}

/** The app's database file; COPYDESK_DB overrides it (tests, scripts). */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  return env.COPYDESK_DB || join(dataFolder(env, platform, home), 'copydesk.db')
}
