import type { RawData, WebSocket } from 'ws';
import type { Access } from './auth.ts';
import type { HubLogEntry } from './options.ts';
import { CloseCode } from './protocol.ts';
import { TokenBucket, type RateLimit } from './rateLimit.ts';

/** What a Connection needs from its hub. */
export interface ConnectionDeps {
  id: number;
  room: string;
  access: Access;
  rateLimit: RateLimit;
  log: (entry: HubLogEntry) => void;
  /** A binary frame within the rate limit, to be decoded by the room. */
  onMessage: (connection: Connection, frame: Uint8Array) => void;
  /** Called once, as soon as the connection is closing or gone: the room forgets it. */
  onDetach: (connection: Connection) => void;
}

/**
 * One client socket in one room: rate limiting, keepalive and closing with a logged
 * reason. It knows nothing of Yjs; the room decodes what it passes on.
 */
export class Connection {
  /** Awareness client ids this connection announced; their states go when it does. */
  readonly awarenessClients = new Set<number>();
  /** Settles when the socket has fully closed. */
  readonly closed: Promise<void>;
  private readonly bucket: TokenBucket;
  private alive = true;
  private detached = false;
  private refusedWrite = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    this.bucket = new TokenBucket(deps.rateLimit);
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    // Any sign of life counts: a pong can queue behind a large transfer.
    ws.on('pong', () => (this.alive = true));
    // ws reports protocol violations (oversized or malformed frames) here, then closes.
    ws.on('error', (error) => this.log('warn', `socket error: ${error.message}`));
    ws.on('close', () => this.detach());
  }

  /** False once the connection is closing or gone. */
  get open(): boolean {
    return !this.detached;
  }

  /** Whether this connection may change the doc. */
  get readOnly(): boolean {
    return this.deps.access === 'read';
  }

  /** Sends one protocol message; a no-op once the connection is closing. */
  send(message: Uint8Array): void {
    if (this.detached || this.ws.readyState !== this.ws.OPEN) return;
    // Send errors surface as the socket's 'error'/'close' events; nothing more to do here.
    this.ws.send(message, { binary: true }, () => {});
  }

  /** Closes with a code and a logged reason; the room forgets the connection at once. */
  close(code: number, reason: string, level: HubLogEntry['level'] = 'warn'): void {
    if (this.detached) return;
    this.log(level, `closing (${code}): ${reason}`);
    this.detach();
    // A close reason must fit in a control frame (123 bytes).
    this.ws.close(code, reason.slice(0, 120));
  }

  /** Drops the socket without a closing handshake (for peers that stopped answering). */
  terminate(reason: string): void {
    if (!this.detached) this.log('warn', `dropped: ${reason}`);
    this.detach();
    this.ws.terminate();
  }

  /** One keepalive round: drops the connection if the last ping went unanswered. */
  heartbeat(): void {
    if (!this.alive) return this.terminate('no pong since the last keepalive ping');
    this.alive = false;
    if (this.ws.readyState === this.ws.OPEN) this.ws.ping();
  }

  /** Notes a refused edit from a read-only connection, logging only the first one. */
  refuseWrite(): void {
    if (this.refusedWrite) return;
    this.refusedWrite = true;
    this.log(
      'warn',
      'refused an update from a read-only connection (further ones dropped silently)',
    );
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.detached) return;
    this.alive = true;
    if (!this.bucket.take()) {
      return this.close(CloseCode.policyViolation, 'rate limit exceeded');
    }
    if (!isBinary) {
      return this.close(CloseCode.unsupportedData, 'text frames are not part of the protocol');
    }
    this.deps.onMessage(this, toBytes(data));
  }

  private detach(): void {
    if (this.detached) return;
    this.detached = true;
    this.deps.onDetach(this);
  }

  private log(level: HubLogEntry['level'], msg: string): void {
    this.deps.log({ level, room: this.deps.room, msg: `connection ${this.deps.id}: ${msg}` });
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
