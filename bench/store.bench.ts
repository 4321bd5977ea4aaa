import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { setImmediate as turn } from 'node:timers/promises';
import * as Y from 'yjs';
import { DEFAULT_COMPACTION } from '../src/backend/hub/compactionPolicy.ts';
import { Hub } from '../src/backend/hub/Hub.ts';
import { LogReader } from '../src/backend/store/logReader.ts';
import { Store, type Synchronous } from '../src/backend/store/Store.ts';
import { SqliteStore } from '../src/backend/store/SqliteStore.ts';
import { typeUpdates } from '../test/helpers/yjsTyping.ts';
import type { BenchReport, BenchResult } from './types.ts';

/**
 * The store's hot paths on realistic traffic: 100,000 one-character Yjs updates typed
 * into a Y.Text (V1, as y-websocket sends them), appended one per transaction (how the
 * hub stores keystrokes) and in batches, then loaded cold before and after compaction.
 */

const GROUP = 'store';
const UPDATES = 100_000;
const ROOM = 'section:bench';
const BATCH = 1_000;
/** FULL fsyncs every commit: measure this many first and go on only if the rest is quick. */
const FULL_SAMPLE = 5_000;
const FULL_BUDGET_MS = 20_000;
const LOADS = 5;

type Figure = Omit<BenchResult, 'group'>;

function tempFile(): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-bench-'));
  return {
    file: path.join(dir, 'bench.db'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function appendOneByOne(updates: Uint8Array[], synchronous: Synchronous): Figure {
  const { file, cleanup } = tempFile();
  const store = Store.open(file, { synchronous, compactThreshold: Infinity });
  try {
    const start = performance.now();
    let count = 0;
    for (const update of updates) {
      store.appendUpdate(ROOM, update);
      count += 1;
      if (count === FULL_SAMPLE && synchronous === 'FULL') {
        const projected = ((performance.now() - start) / count) * updates.length;
        if (projected > FULL_BUDGET_MS) break;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const sampled = count < updates.length;
    return {
      figure: `append ${updates.length.toLocaleString('en-US')} updates, one transaction each, synchronous=${synchronous}`,
      value: count / seconds,
      unit: 'updates/s',
      note: sampled
        ? `measured over the first ${count.toLocaleString('en-US')} (one fsync per commit; all ${updates.length.toLocaleString('en-US')} would take ~${Math.round(seconds * (updates.length / count))} s)`
        : synchronous === 'FULL'
          ? 'one fsync per commit'
          : 'WAL, no fsync per commit: durable against a process crash',
    };
  } finally {
    store.close();
    cleanup();
  }
}

function appendBatched(updates: Uint8Array[], synchronous: Synchronous): Figure {
  const { file, cleanup } = tempFile();
  const store = Store.open(file, { synchronous, compactThreshold: Infinity });
  try {
    const start = performance.now();
    for (let i = 0; i < updates.length; i += BATCH) {
      store.appendUpdates(ROOM, updates.slice(i, i + BATCH));
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      figure: `append ${updates.length.toLocaleString('en-US')} updates in batches of ${BATCH.toLocaleString('en-US')}, synchronous=${synchronous}`,
      value: updates.length / seconds,
      unit: 'updates/s',
      target: '≥ 20,000',
    };
  } finally {
    store.close();
    cleanup();
  }
}

/** Median time of `loadDoc` on a freshly opened store, checked against the typed text. */
function coldLoads(file: string, expected: string): { ms: number; openMs: number } {
  const times: number[] = [];
  const opens: number[] = [];
  // One more than measured: the first load also compiles the code paths (JIT).
  for (let i = -1; i < LOADS; i += 1) {
    const opened = performance.now();
    // Infinity: measure the load alone; the compacting load is measured separately.
    const store = Store.open(file, { compactThreshold: Infinity });
    const start = performance.now();
    const doc = store.loadDoc(ROOM);
    if (i >= 0) {
      times.push(performance.now() - start);
      opens.push(start - opened);
    }
    store.close();
    if (doc.getText('body').toString() !== expected) throw new Error('loaded text differs');
  }
  return { ms: median(times), openMs: median(opens) };
}

/** Median time to read the room's log out of SQLite alone (no Yjs), on a fresh connection. */
function logReads(file: string): number {
  const times: number[] = [];
  for (let i = -1; i < LOADS; i += 1) {
    const db = new Database(file, { readonly: true });
    const start = performance.now();
    new LogReader(db, file).read(ROOM);
    if (i >= 0) times.push(performance.now() - start);
    db.close();
  }
  return median(times);
}

function loadAndSize(updates: Uint8Array[], doc: Y.Doc): Figure[] {
  const { file, cleanup } = tempFile();
  const expected = doc.getText('body').toString();
  try {
    const store = Store.open(file, { compactThreshold: Infinity });
    for (let i = 0; i < updates.length; i += BATCH) {
      store.appendUpdates(ROOM, updates.slice(i, i + BATCH));
    }
    store.close();
    const logFileBytes = fs.statSync(file).size;

    const before = coldLoads(file, expected);
    const readMs = logReads(file);
    const compacting = Store.open(file, { compactThreshold: Infinity });
    const compactStart = performance.now();
    const compacted = compacting.compactRoom(ROOM);
    const compactMs = performance.now() - compactStart;
    compacting.close();
    const after = coldLoads(file, expected);

    const raw = new Database(file);
    raw.exec('VACUUM');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const state = Y.encodeStateAsUpdate(doc);
    const docBytes = state.byteLength;
    // The floor under "after compaction": Yjs alone decoding the same state, no SQLite.
    const bareTimes: number[] = [];
    for (let i = -1; i < LOADS; i++) {
      const start = performance.now();
      Y.applyUpdate(new Y.Doc(), state);
      if (i >= 0) bareTimes.push(performance.now() - start);
    }
    const bareMs = median(bareTimes);
    const fileBytes = fs.statSync(file).size;
    const rows = updates.length.toLocaleString('en-US');
    return [
      {
        figure: `cold load (loadDoc) of a room with ${rows} logged updates, before compaction`,
        value: before.ms,
        unit: 'ms',
        target: '≤ 150',
        note: `median of ${LOADS} after one unmeasured warm-up, each on a freshly opened store; one SELECT, then Y.applyUpdate per row inside one doc.transact (Y.mergeUpdates over ${rows} updates takes minutes)`,
      },
      {
        figure: '... of which reading the log out of SQLite (one statement, no Yjs)',
        value: readMs,
        unit: 'ms',
        note: `median of ${LOADS}; the rest is Yjs applying ${rows} updates`,
      },
      {
        figure: `Store.open of that file (read-only vetting with quick_check, then WAL and migrations)`,
        value: before.openMs,
        unit: 'ms',
        note: `median of ${LOADS}; file of ${logFileBytes.toLocaleString('en-US')} bytes`,
      },
      {
        figure: 'compact that room (compactRoom: read, merge, replace in one transaction)',
        value: compactMs,
        unit: 'ms',
        note: `${compacted.rowsBefore.toLocaleString('en-US')} rows, ${compacted.bytesBefore.toLocaleString('en-US')} bytes -> 1 row, ${compacted.bytesAfter.toLocaleString('en-US')} bytes`,
      },
      {
        figure: 'cold load (loadDoc) of the same room after compaction',
        value: after.ms,
        unit: 'ms',
        target: '≤ 20',
        note: `median of ${LOADS} after one unmeasured warm-up`,
      },
      {
        figure:
          '... reference: bare Yjs applying the same compacted state (Y.applyUpdate into a new Y.Doc, no store)',
        value: bareMs,
        unit: 'ms',
        note: `median of ${LOADS}; cold load after compaction / bare Yjs = ${(after.ms / bareMs).toFixed(2)}x`,
      },
      {
        figure: 'database bytes per byte of the encoded document, after compaction',
        value: fileBytes / docBytes,
        unit: 'bytes/byte',
        target: '≤ 2',
        note: `file after VACUUM and checkpoint: ${fileBytes.toLocaleString('en-US')} bytes, including the empty tables of the rest of the schema; document: Y.encodeStateAsUpdate (V1 encoding) = ${docBytes.toLocaleString('en-US')} bytes`,
      },
    ];
  } finally {
    cleanup();
  }
}

/**
 * The same 100,000 updates, each applied to a room held open in a real Hub (hub.change:
 * the live doc, then the append, then the relay, exactly what an editor's update goes
 * through after its socket; no socket, since the log does not see them) with background
 * compaction at the default thresholds, yielding to the event loop every few updates as
 * typing arrives. 100,000 keystrokes are hours of typing; squeezed into seconds, the
 * once-a-second limit would measure the clock rather than the log, so the interval and
 * the wait for a pause are set to 0 and the row and byte thresholds decide, as they do
 * at human speed (a typist makes ~10 updates a second, far under 500 a second).
 */
async function typedWhileOpen(updates: Uint8Array[], doc: Y.Doc): Promise<Figure[]> {
  const { file, cleanup } = tempFile();
  const expected = doc.getText('body').toString();
  try {
    const store = SqliteStore.open(file);
    const pauses: number[] = [];
    const hub = new Hub({
      store,
      auth: { tokens: ['store-bench-token'] },
      compaction: { minIntervalMs: 0, quietMs: 0, maxWaitMs: 0 },
      pingIntervalMs: 0,
      log: () => {},
    });
    await hub.pin(ROOM);
    const start = performance.now();
    let compactions = 0;
    for (let i = 0; i < updates.length; i += 1) {
      void hub.change(ROOM, (target) => Y.applyUpdate(target, updates[i]!));
      if (i % 8 === 7) {
        // The turn in which a compaction ran is the stall it put on the event loop.
        const before = performance.now();
        await turn();
        const done = hub.logStats(ROOM)?.compactions ?? 0;
        if (done > compactions) pauses.push(performance.now() - before);
        compactions = done;
      }
    }
    const typingMs = performance.now() - start;
    const longest = hub.longestLog();
    const rowsAtClose = hub.logStats(ROOM)?.rows ?? NaN;
    hub.unpin(ROOM);
    await hub.close();
    store.close();
    const cold = coldLoads(file, expected);
    const rows = updates.length.toLocaleString('en-US');
    return [
      {
        figure: `longest log while typing ${rows} updates into a room held open in a hub (background compaction, default thresholds)`,
        value: longest?.rows ?? NaN,
        unit: 'rows',
        note: `${compactions} background compactions; ${rowsAtClose} rows when the hub closed; ${rows} hub.change calls in ${Math.round(typingMs).toLocaleString('en-US')} ms including the compactions. Threshold ${DEFAULT_COMPACTION.maxRows} rows (or ${DEFAULT_COMPACTION.maxTailBytes / 1024 / 1024} MiB): a row costs a cold load ~5-7 µs of Yjs work (the 100,000-row load above), so the tail adds a few ms at most, while each compaction re-encodes the whole document (the stall below), which should stay rare; the rows past it are what arrives before the compaction's timer fires (never in the append's turn). Interval and pause wait set to 0: see typedWhileOpen`,
      },
      {
        figure:
          '... longest turn that ran a background compaction (the event loop stall it causes)',
        value: Math.max(...pauses),
        unit: 'ms',
        note: `median ${median(pauses).toFixed(1)} ms over ${pauses.length}; grows with the document (${Y.encodeStateAsUpdate(doc).byteLength.toLocaleString('en-US')} bytes V1 at the end), not with the log`,
      },
      {
        figure: `cold load (loadDoc) of that room after the hub closed`,
        value: cold.ms,
        unit: 'ms',
        target: '≤ 50',
        note: `median of ${LOADS} after one unmeasured warm-up, each on a freshly opened store; compare the cold load of the same ${rows} updates logged while nobody compacted`,
      },
    ];
  } finally {
    cleanup();
  }
}

/** Runs the store benchmarks, reporting each figure as soon as it is measured. */
export async function run(report: BenchReport = () => {}): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const add = (figure: Figure): void => {
    const result: BenchResult = { group: GROUP, ...figure };
    results.push(result);
    report(result);
  };
  const { doc, updates } = typeUpdates(UPDATES);
  const bytes = updates.reduce((total, update) => total + update.byteLength, 0);
  add({
    figure: 'typical update size in this workload',
    value: bytes / updates.length,
    unit: 'bytes',
    note: `${updates.length.toLocaleString('en-US')} V1 updates from typing into a Y.Text, one character each (about 3% deletions, caret jumps now and then)`,
  });
  for (const synchronous of ['NORMAL', 'FULL'] as const) add(appendOneByOne(updates, synchronous));
  for (const synchronous of ['NORMAL', 'FULL'] as const) add(appendBatched(updates, synchronous));
  for (const figure of loadAndSize(updates, doc)) add(figure);
  for (const figure of await typedWhileOpen(updates, doc)) add(figure);
  return results;
}
