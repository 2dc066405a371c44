import { expect } from 'vitest'
import type { GuardedSession } from '../../src/main/electron/security'

// Stand-ins for Electron's session in the Electron glue tests (Electron cannot run here).

/** The handlers a stand-in session was given. */
export interface RecordedHandlers {
  request?: (contents: unknown, permission: string, cb: (granted: boolean) => void) => void
  check?: () => boolean
  device?: () => boolean
  displayMedia?: (request: unknown, cb: (streams: null) => void) => void
  bluetooth?: (details: unknown, cb: (response: { confirmed: boolean }) => void) => void
  headers?: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0]
}

/** A stand-in session that records the permission handlers and header listener set on it. */
export function recordingSession(): { session: GuardedSession; set: RecordedHandlers } {
  const set: RecordedHandlers = {}
  const session: GuardedSession = {
    setPermissionRequestHandler: (h) => (set.request = h),
    setPermissionCheckHandler: (h) => (set.check = h),
    setDevicePermissionHandler: (h) => (set.device = h),
    setDisplayMediaRequestHandler: (h) => (set.displayMedia = h),
    setBluetoothPairingHandler: (h) => (set.bluetooth = h),
    webRequest: { onHeadersReceived: (l) => (set.headers = l) }
  }
  return { session, set }
}

/** Asserts that every handler `denyPermissions` sets is there and says no. */
export function expectEverythingDenied(set: RecordedHandlers): void {
  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'fullscreen']
  expect(set.request, 'permission request handler').toBeTypeOf('function')
  for (const permission of permissions) {
    const answers: boolean[] = []
    set.request?.({}, permission, (granted) => answers.push(granted))
    expect(answers, permission).toEqual([false])
  }
  expect(set.check?.(), 'permission check').toBe(false)
  expect(set.device?.(), 'device permission').toBe(false)
  const streams: unknown[] = []
  set.displayMedia?.({}, (s) => streams.push(s))
  expect(streams, 'screen capture').toEqual([null])
  const pairing: unknown[] = []
  set.bluetooth?.({}, (r) => pairing.push(r))
  expect(pairing, 'Bluetooth pairing').toEqual([{ confirmed: false }])
}
