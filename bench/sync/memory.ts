import v8 from 'node:v8';
import vm from 'node:vm';
import * as Y from 'yjs';
import { spawnServerProcess } from './remote.ts';
import { allowExitListeners, connect, disconnect, type Client } from './servers.ts';
import { applyTxn, txnCount, type Trace } from './traces.ts';
import { median } from './util.ts';

/**
 * A function that runs a full garbage collection, or null. `global.gc` exists when node
 * runs with --expose-gc; otherwise the flag is turned on now and `gc` taken from a fresh
 * context (V8 installs it there once the flag is set), so `npx tsx bench/sync.bench.ts`
 * gets one without NODE_OPTIONS.
 */
export function findGc(): (() => void) | null {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('typeof gc === "function" ? gc : undefined');
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // Some embedders refuse runtime flags; the caller falls back to medians.
  }
  return null;
}

/** The doc every room of the memory test holds: the start of a real editing history. */
export interface SeedDoc {
  update: Uint8Array;
  chars: number;
  txns: number;
}

/**
 * Replays the trace until the text reaches `chars` characters: a small section with the
 * editing history (deletions, CRDT metadata) it had when someone wrote it.
 */
export function seedFromTrace(trace: Trace, chars = 2048): SeedDoc {
  const doc = new Y.Doc();
  const text = doc.getText('body');
  let i = 0;
  const count = txnCount(trace);
  while (i < count && text.length < chars) {
    doc.transact(() => applyTxn(trace, text, i));
    i++;
  }
  const seed = { update: Y.encodeStateAsUpdate(doc), chars: text.length, txns: i };
  doc.destroy();
  return seed;
}

/** What the memory test measured. */
export interface MemoryResult {
  /** Median over the batches of the hub process's heapUsed growth per room opened, in KiB. */
  kibPerRoom: number;
  /** Growth over all rooms divided by their number, in KiB. */
  kibPerRoomOverall: number;
  rooms: number;
  batches: number;
}

/**
 * Opens `rooms` rooms on a hub alone in its process, in batches, each room stored
 * beforehand with the seed doc and opened by one client connected from this process;
 * after each batch the hub process runs a full GC and reads its own heap. The growth is
 * the hub's share only: its live Y.Doc, Awareness, Room, Connection and socket per room.
 * It is V8 heap only (no Buffers, no SQLite page cache).
 */
export async function measureRoomMemory(
  seed: SeedDoc,
  rooms = 200,
  batches = 5,
): Promise<MemoryResult> {
  const child = await spawnServerProcess();
  const server = await child.serve('hub').catch(async (error: unknown) => {
    await child.dispose();
    throw error;
  });
  const clients: Client[] = [];
  const restoreListeners = allowExitListeners(rooms);
  const heap = async () => {
    // Lets sockets finish their handshakes and awareness round-trips first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return server.request<number>({ op: 'heap' });
  };
  try {
    const names = Array.from({ length: rooms }, (_, i) => `section:mem${i}`);
    await server.request({ op: 'seed', rooms: names, update: seed.update });
    const perBatch = Math.ceil(rooms / batches);
    const readings = [await heap()];
    const sizes: number[] = [];
    for (let start = 0; start < rooms; start += perBatch) {
      const batch = names.slice(start, start + perBatch);
      sizes.push(batch.length);
      const settled = await Promise.allSettled(batch.map((n) => connect(server, n, new Y.Doc())));
      for (const outcome of settled)
        if (outcome.status === 'fulfilled') clients.push(outcome.value);
      const failed = settled.find((outcome) => outcome.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
      readings.push(await heap());
    }
    const stats = await server.request<{ rooms: number }>({ op: 'stats' });
    if (stats.rooms !== rooms) {
      throw new Error(`memory test: the hub holds ${stats.rooms} rooms, not ${rooms}`);
    }
    for (const { doc } of clients) {
      if (doc.getText('body').length !== seed.chars)
        throw new Error('memory test: a room did not load');
    }
    const deltas = readings.slice(1).map((after, i) => (after - readings[i]!) / sizes[i]!);
    return {
      kibPerRoom: median(deltas) / 1024,
      kibPerRoomOverall: (readings[readings.length - 1]! - readings[0]!) / rooms / 1024,
      rooms,
      batches: deltas.length,
    };
  } finally {
    for (const client of clients) disconnect(client);
    restoreListeners();
    await child.dispose();
  }
}
