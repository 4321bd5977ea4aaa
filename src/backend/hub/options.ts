import type { GalleyStore } from '../store/GalleyStore.ts';
import type { RoomBus } from '../cluster/RoomBus.ts';
import type { HubAuth } from './auth.ts';
import type { RateLimit } from './rateLimit.ts';
import { DEFAULT_COMPACTION, type CompactionPolicy } from './compactionPolicy.ts';

/** One line of the hub's log; `room` is set whenever the event concerns one room. */
export interface HubLogEntry {
  level: 'info' | 'warn' | 'error';
  room?: string;
  msg: string;
}

/** The part of the store contract the hub uses (a GalleyStore, or anything shaped like it). */
export type HubStore = Pick<
  GalleyStore,
  | 'loadDoc'
  | 'loadLive'
  | 'readUpdatesSince'
  | 'appendUpdate'
  | 'appendUpdates'
  | 'compactTo'
  | 'compactRoom'
  | 'logStats'
>;

/** How a Hub is set up; only `store` and `auth` are required. */
export interface HubOptions {
  store: HubStore;
  auth: HubAuth;
  /**
   * Origins a browser page may connect from (e.g. the app's own `http://127.0.0.1:PORT`).
   * A handshake with an Origin header outside this list gets 403; one without Origin
   * (Node, the peer link, CLI tools) passes on its token alone. Default: none.
   */
  allowedOrigins?: string[];
  /** Largest accepted frame; a bigger one closes that connection (1009). Default 8 MiB. */
  maxMessageBytes?: number;
  /** Per-connection message rate; over it the connection is closed with 1008. */
  rateLimit?: RateLimit;
  /** How long a room stays loaded after its last connection leaves. Default 30 s. */
  idleUnloadMs?: number;
  /** When the log of an open room is compacted in the background; see DEFAULT_COMPACTION. */
  compaction?: Partial<CompactionPolicy>;
  /** Keepalive ping period (0: none); a connection that missed the last pong is dropped. Default 30 s. */
  pingIntervalMs?: number;
  /**
   * Called after each committed and relayed change of a room (editors', peers' or the
   * API's), once the store has committed it: debounce expensive work, and do not change
   * the room from inside it.
   */
  onRoomUpdate?: (room: string) => void;
  /** Where the hub reports refusals and failures. Default: stderr, unless GALLEY_LOG=silent. */
  log?: (entry: HubLogEntry) => void;
  /**
   * The room bus when several hubs share one database: each open room follows the rows
   * the others append, and presence crosses hubs. Absent on a lone hub.
   */
  bus?: RoomBus;
}

/** HubOptions with every default filled in. */
export type ResolvedHubOptions = Required<
  Omit<HubOptions, 'allowedOrigins' | 'compaction' | 'bus'>
> & {
  allowedOrigins: readonly string[];
  compaction: CompactionPolicy;
};

const MiB = 1024 * 1024;

/** Fills in the defaults and rejects settings that would make the hub misbehave. */
export function resolveHubOptions(options: HubOptions): ResolvedHubOptions {
  const resolved: ResolvedHubOptions = {
    allowedOrigins: options.allowedOrigins ?? [],
    maxMessageBytes: options.maxMessageBytes ?? 8 * MiB,
    // Generous: a fast typist makes ~20 updates a second; a reconnect replays a backlog.
    rateLimit: options.rateLimit ?? { perSecond: 300, burst: 1000 },
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    compaction: { ...DEFAULT_COMPACTION, ...options.compaction },
    onRoomUpdate: options.onRoomUpdate ?? (() => {}),
    log: options.log ?? defaultLog,
    store: options.store,
    auth: options.auth,
  };
  // ws reads maxPayload 0 as "no limit", so the smallest real limit is one byte.
  if (!(resolved.maxMessageBytes >= 1)) throw new Error('Hub: maxMessageBytes must be >= 1.');
  for (const key of ['idleUnloadMs', 'pingIntervalMs'] as const) {
    if (!(resolved[key] >= 0)) throw new Error(`Hub: ${key} must be a number >= 0.`);
  }
  for (const [key, value] of Object.entries(resolved.compaction)) {
    if (!(value >= 0)) throw new Error(`Hub: compaction.${key} must be a number >= 0.`);
  }
  const { perSecond, burst } = resolved.rateLimit;
  if (!(perSecond > 0) || !(burst >= 1)) {
    throw new Error('Hub: rateLimit needs perSecond > 0 and burst >= 1.');
  }
  return resolved;
}

function defaultLog(entry: HubLogEntry): void {
  if (process.env.GALLEY_LOG === 'silent') return;
  const where = entry.room === undefined ? '' : ` [${entry.room}]`;
  process.stderr.write(`hub ${entry.level}${where}: ${entry.msg}\n`);
}
