import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseRoom } from '../../core/index.ts';
import { isOriginAllowed, type Access } from './auth.ts';

/** The path prefix of sync endpoints: `ws://HOST:PORT/sync/<room>?token=T`. */
export const SYNC_PREFIX = '/sync/';

/** The verdict on a WebSocket handshake, reached before anything is upgraded. */
export type UpgradeRoute =
  | { ok: true; room: string; access: Access }
  | { ok: false; status: 401 | 403 | 404; reason: string; room?: string };

/** What the route check needs from the hub. */
export interface UpgradeGate {
  checkToken: (token: string | null) => Access | null;
  allowedOrigins: readonly string[];
}

/**
 * Routes a handshake. The token is checked before anything about the room is looked at,
 * so an unauthenticated caller learns only "401" about any sync URL.
 */
export function routeUpgrade(req: IncomingMessage, gate: UpgradeGate): UpgradeRoute {
  // Split by hand: `new URL()` would read a path like `//host/x` as a different host.
  const target = req.url ?? '';
  const queryStart = target.indexOf('?');
  const path = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));
  if (!path.startsWith(SYNC_PREFIX)) return { ok: false, status: 404, reason: 'not a sync path' };

  const access = gate.checkToken(query.get('token'));
  if (access === null) return { ok: false, status: 401, reason: 'missing or wrong token' };
  if (!isOriginAllowed(req.headers.origin, gate.allowedOrigins)) {
    return { ok: false, status: 403, reason: `origin ${req.headers.origin} is not allowed` };
  }

  const room = decodeRoom(path.slice(SYNC_PREFIX.length));
  if (room === null || parseRoom(room) === null) {
    return { ok: false, status: 404, reason: 'not a room name', room: room ?? undefined };
  }
  return { ok: true, room, access };
}

// y-websocket puts the room name in the path unencoded, but other clients may escape it.
function decodeRoom(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const STATUS_TEXT = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  503: 'Service Unavailable',
} as const;

/** Answers a handshake with a plain HTTP error on the raw socket and closes it: never upgraded. */
export function rejectUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT): void {
  // The client may already be gone; a reset must not become an uncaught 'error'.
  socket.on('error', () => {});
  if (!socket.writable) return void socket.destroy();
  const body = `${STATUS_TEXT[status]}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
