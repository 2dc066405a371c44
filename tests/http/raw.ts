import { connect } from 'node:net'

export interface RawReply {
  /** 0 when the door closed the connection without answering. */
  status: number
  body: string
}

/**
 * Sends bytes to the door exactly as given (a browser or a script can send any of them; Node's
 * own client refuses many) and reads the reply until the door closes the connection.
 */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 5_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`the door did not answer within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('data', (d: Buffer) => chunks.push(d))
    // A reset after the door answered (it may close before reading a body it refused) still counts.
    socket.on('error', () => socket.destroy())
    socket.on('close', () => {
      clearTimeout(timer)
      const text = Buffer.concat(chunks).toString('latin1')
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
    socket.write(bytes)
  })
}

/** One HTTP/1.1 request with `Connection: close`, headers as given (Host first). */
export function httpBytes(method: string, path: string, headers: [string, string][], body = ''): Buffer {
  const head = [`${method} ${path} HTTP/1.1`, ...headers.map(([k, v]) => `${k}: ${v}`), 'Connection: close', '', ''].join('\r\n')
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body, 'utf8')])
}
