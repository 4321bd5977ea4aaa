import * as Y from 'yjs';
import { Store } from '../../src/backend/store/Store.ts';
import { connect, disconnect, startHub, startReference, type SyncServer } from './servers.ts';
import { applyTxn, txnCount, type Trace } from './traces.ts';
import { nextTurn } from './util.ts';

/** The room the trace is typed into, as the brief names it. */
export const REPLAY_ROOM = 'section:bench1';
/** The shared text every replay writes to. */
export const TEXT_NAME = 'trace';

/**
 * Client A yields to the event loop after this many transactions. The hub, client B and A
 * share one thread, so without yielding A would queue the whole trace in memory before
 * the hub read a byte. 100 keeps the sockets draining in step with typing at a cost of a
 * few thousand yields; on seph-blog1, 1, 10, 100, 1,000 and 10,000 all measured within
 * the run-to-run noise of each other.
 */
export const YIELD_EVERY = 100;

/**
 * A replay rate limit the hub cannot hit. The default (300 messages/s, burst 1000) rightly
 * closes a client that sends a trace's worth of updates in seconds; the replay measures
 * throughput, not the limiter.
 */
const UNLIMITED = { perSecond: 1e9, burst: 1e9 };

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
 * Client A types the trace into the room transaction by transaction, yielding every
 * YIELD_EVERY; client B sits in the same room. Timed from A's first transaction until B's
 * text equals the trace's end.
 */
async function replayThrough(
  server: SyncServer,
  trace: Trace,
  yieldEvery: number,
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
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      a.doc.transact(() => applyTxn(trace, textA, i));
      if (i % yieldEvery === yieldEvery - 1) await nextTurn();
    }
    await withTimeout(arrived, 180_000, `client B to receive ${trace.name}`);
    assertText('client A', textA.toString(), end);
    return doneAt - start;
  } finally {
    disconnect(a);
    disconnect(b);
  }
}

/**
 * The replay through Galley's hub on a fresh store; afterwards the store is reopened and
 * the room loaded from disk must hold the trace's end text.
 */
export async function replayHub(trace: Trace, yieldEvery = YIELD_EVERY): Promise<number> {
  const server = await startHub({ rateLimit: UNLIMITED });
  try {
    const ms = await replayThrough(server, trace, yieldEvery);
    const trouble = server.logs.filter((entry) => entry.level !== 'info');
    if (trouble.length > 0) {
      throw new Error(`hub logged during the replay: ${trouble.map((e) => e.msg).join('; ')}`);
    }
    await server.stopKeepingFile();
    const reopened = Store.open(server.dbPath);
    try {
      const stored = reopened.loadDoc(REPLAY_ROOM);
      assertText('the reopened store', stored.getText(TEXT_NAME).toString(), trace.endContent);
      stored.destroy();
    } finally {
      reopened.close();
    }
    return ms;
  } finally {
    await server.stop();
  }
}

/** The replay through the reference server (@y/websocket-server, in memory). */
export async function replayReference(trace: Trace, yieldEvery = YIELD_EVERY): Promise<number> {
  const server = await startReference();
  try {
    return await replayThrough(server, trace, yieldEvery);
  } finally {
    await server.stop();
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

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`sync bench: timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
