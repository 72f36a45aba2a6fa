import type { Socket } from "node:net";
import type { WebSocket } from "ws";

/**
 * A push as it leaves the gateway: its JSON payload, and the WebSocket frame around it built
 * once for every connection it goes to (RFC 6455 §5.2: server frames are not masked, so the
 * bytes are the same for all). With ten thousand subscribers, framing and encoding per socket
 * would cost more than the writes.
 */
export class OutboundFrame {
  private wireBytes: Buffer | undefined;

  constructor(readonly payload: Buffer) {}

  static of(text: string): OutboundFrame {
    return new OutboundFrame(Buffer.from(text, "utf8"));
  }

  /** The complete text frame: FIN + opcode 1, the payload length, the payload. */
  get wire(): Buffer {
    if (!this.wireBytes) {
      const length = this.payload.length;
      let header: Buffer;
      if (length < 126) header = Buffer.from([0x81, length]);
      else if (length < 65_536) {
        header = Buffer.alloc(4);
        header[0] = 0x81;
        header[1] = 126;
        header.writeUInt16BE(length, 2);
      } else {
        header = Buffer.alloc(10);
        header[0] = 0x81;
        header[1] = 127;
        header.writeBigUInt64BE(BigInt(length), 2);
      }
      this.wireBytes = Buffer.concat([header, this.payload]);
    }
    return this.wireBytes;
  }
}

/** The parts of ws 8's WebSocket (pinned at 8.23.0) that a pre-built frame may bypass. */
interface WsInternals {
  _socket?: Socket;
  _sender?: { _queue: unknown[]; _state: number };
}
const SENDER_IDLE = 0;

/**
 * The socket under `ws` when a pre-built frame can be written to it directly: only while ws's
 * own sender holds nothing back (it queues only while compressing, which this gateway never
 * does), so frames can never overtake one another. Otherwise undefined: use `ws.send`.
 */
export function rawSocketOf(ws: WebSocket): Socket | undefined {
  const internals = ws as unknown as WsInternals;
  const sender = internals._sender;
  if (!internals._socket || !sender || sender._state !== SENDER_IDLE || sender._queue.length > 0)
    return undefined;
  return internals._socket;
}

const corked = new Set<Socket>();

/**
 * Writes `bytes` to `socket` corked until the current callback returns, so that every frame
 * one Redis read delivers to a connection leaves in one system call.
 */
export function writeCorked(socket: Socket, bytes: Buffer): void {
  if (!corked.has(socket)) {
    if (corked.size === 0) process.nextTick(uncorkAll);
    corked.add(socket);
    socket.cork();
  }
  socket.write(bytes);
}

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}
