import * as Y from 'yjs';
import { SqliteStore } from '../../src/backend/store/SqliteStore.ts';
import type { ServerProcess, WindowReading } from './remote.ts';
import { connect, disconnect, type SyncServer } from './servers.ts';
import { applyTxn, txnCount, type Trace } from './traces.ts';
import { nextTurn, withTimeout } from './util.ts';

/** The room the trace is typed into, as the brief names it. */
export const REPLAY_ROOM = 'section:bench1';
/** The shared text every replay writes to. */
export const TEXT_NAME = 'trace';

/**
 * Client A yields to the event loop after this many transactions, so its socket drains in
 * step with typing instead of the whole trace queueing in memory first. Client B shares
 * A's process (the server has its own), so B only reads while A yields; on seph-blog1,
 * 1, 10, 100, 1,000 and 10,000 all measured within the run-to-run noise of each other
 * when all three shared one thread.
 */
export const YIELD_EVERY = 100;

/** Bare Yjs: every transaction applied to one Y.Text in one Y.Doc. */
export function replayBare(trace: Trace): { ms: number; bytes: number } {
  const doc = new Y.Doc();
  const text = doc.getText(TEXT_NAME);
  const count = txnCount(trace);
  const start = performance.now();
  for (let i = 0; i < count; i++) doc.transact(() => applyTxn(trace, text, i));
  const ms = performance.now() - start;
  assertText('bare Yjs', text.toString(), trace.endContent);
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  return { ms, bytes };
}

/**
 * The floor of any relay: the work of the three docs a relayed trace passes through, done
 * back to back in one thread with nothing between them. Client A's doc makes each txn in
 * one transaction; the update it emits is applied to a second doc (the hub's) and then to
 * a third (client B's). Timed from the first txn to the last apply; B's text is checked.
 */
export function replayFloor(trace: Trace): number {
  const a = new Y.Doc();
  const hub = new Y.Doc();
  const b = new Y.Doc();
  const text = a.getText(TEXT_NAME);
  let last: Uint8Array | null = null;
  a.on('update', (update: Uint8Array) => (last = update));
  const count = txnCount(trace);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    a.transact(() => applyTxn(trace, text, i));
    if (last === null) continue;
    Y.applyUpdate(hub, last);
    Y.applyUpdate(b, last);
    last = null;
  }
  const ms = performance.now() - start;
  assertText("the floor's hub doc", hub.getText(TEXT_NAME).toString(), trace.endContent);
  assertText("the floor's client B", b.getText(TEXT_NAME).toString(), trace.endContent);
  for (const doc of [a, hub, b]) doc.destroy();
  return ms;
}

/**
 * Client A types the trace into the room transaction by transaction, yielding every
 * YIELD_EVERY; client B sits in the same room. Timed from A's first transaction until B's
 * text equals the trace's end.
 */
async function replayThrough(
  server: SyncServer,
  trace: Trace,
  yieldEvery: number,
  window: { start(): Promise<void>; end(): Promise<void> },
): Promise<number> {
  const a = await connect(server, REPLAY_ROOM, new Y.Doc());
  const b = await connect(server, REPLAY_ROOM, new Y.Doc()).catch((error: unknown) => {
    disconnect(a);
    throw error;
  });
  try {
    const textA = a.doc.getText(TEXT_NAME);
    const textB = b.doc.getText(TEXT_NAME);
    const end = trace.endContent;
    let doneAt = 0;
    const arrived = new Promise<void>((resolve) => {
      // Y.Text's length is O(1); the full comparison runs only when the lengths match.
      const check = () => {
        if (textB.length !== end.length || textB.toString() !== end) return;
        doneAt = performance.now();
        b.doc.off('afterTransaction', check);
        resolve();
      };
      b.doc.on('afterTransaction', check);
    });
    const count = txnCount(trace);
    await window.start();
    const start = performance.now();
    a.cork();
    for (let i = 0; i < count; i++) {
      a.doc.transact(() => applyTxn(trace, textA, i));
      if (i % yieldEvery === yieldEvery - 1) {
        a.uncork();
        await nextTurn();
        a.cork();
      }
    }
    a.uncork();
    await withTimeout(arrived, 180_000, `client B to receive ${trace.name}`);
    await window.end();
    assertText('client A', textA.toString(), end);
    return doneAt - start;
  } finally {
    disconnect(a);
    disconnect(b);
  }
}

/** One replay through a server: wall time, and the server process's CPU time meanwhile. */
export interface ReplayTiming {
  ms: number;
  /** User + system CPU of the server process from A's first txn until B had it all. */
  serverCpuMs: number;
}

/**
 * The replay through a server alone in `child`, a process of its own (Galley's hub on a
 * fresh store, or the reference server); clients A and B are in this one. Afterwards the hub must have
 * logged no trouble, and its store, reopened here once the hub has closed it, must hold
 * the trace's end text.
 */
export async function replayRemote(
  child: ServerProcess,
  kind: 'hub' | 'reference',
  trace: Trace,
  yieldEvery = YIELD_EVERY,
): Promise<ReplayTiming> {
  const server = await child.serve(kind, { unlimited: true });
  try {
    let serverCpuMs = 0;
    const ms = await replayThrough(server, trace, yieldEvery, {
      start: () => server.request({ op: 'window-start' }),
      end: async () => {
        serverCpuMs = (await server.request<WindowReading>({ op: 'window-end' })).cpuMs;
      },
    });
    if (kind === 'reference') return { ms, serverCpuMs };
    const trouble = await server.request<string[]>({ op: 'trouble' });
    if (trouble.length > 0) throw new Error(`hub logged during the replay: ${trouble.join('; ')}`);
    await server.stop();
    const reopened = SqliteStore.open(server.dbPath);
    try {
      const stored = await reopened.loadDoc(REPLAY_ROOM);
      assertText('the reopened store', stored.getText(TEXT_NAME).toString(), trace.endContent);
      stored.destroy();
    } finally {
      await reopened.close();
    }
    return { ms, serverCpuMs };
  } finally {
    await server.stop();
    server.remove();
  }
}

function assertText(where: string, actual: string, expected: string): void {
  if (actual === expected) return;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  throw new Error(
    `sync bench: ${where} ended with ${actual.length} chars, expected ${expected.length}; first difference at ${at}`,
  );
}
