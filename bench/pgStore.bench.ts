import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { GalleyStore } from '../src/backend/store/GalleyStore.ts';
import { PgStore } from '../src/backend/store/pg/PgStore.ts';
import { SqliteStore } from '../src/backend/store/SqliteStore.ts';
import type { Synchronous } from '../src/backend/store/Store.ts';
import { startPostgres } from '../test/helpers/postgres.ts';
import { applyTxn, loadTraces, TRACE_ATTRIBUTION, txnCount } from './sync/traces.ts';
import type { BenchReport, BenchResult } from './types.ts';

/**
 * Appends to the PostgreSQL store the way the hub makes them: the updates of a real
 * editing trace (one per transaction, as a y-websocket client sends them), stored in
 * batches, one transaction per batch, as the hub stores what arrived in one turn of its
 * event loop. The same batches go to SQLite in the same run, as the reference. The
 * PostgreSQL server is a local one (127.0.0.1, fsync on, synchronous_commit on).
 */

const GROUP = 'store';
const ROOM = 'section:bench';
/** Updates per hub turn: a handful of editors typing in one room at once. */
const BATCH = 10;
/** Updates appended per store: the first of the trace. */
const UPDATES = 20_000;
/** A store that takes longer than this is measured on what it stored so far. */
const BUDGET_MS = 30_000;

type Figure = Omit<BenchResult, 'group'>;

/** The trace's first updates, V1, one per transaction. */
function traceUpdates(): { updates: Uint8Array[]; name: string; source: string } {
  const [trace] = loadTraces();
  if (trace === undefined) throw new Error('no trace to replay');
  const doc = new Y.Doc();
  const text = doc.getText('trace');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const count = Math.min(txnCount(trace), UPDATES);
  for (let i = 0; i < count; i++) doc.transact(() => applyTxn(trace, text, i));
  return { updates, name: trace.name, source: trace.source };
}

/** Appends in batches, sequentially like one hub; resolves with updates per second. */
async function appendBatched(store: GalleyStore, updates: Uint8Array[]): Promise<number> {
  const start = performance.now();
  let stored = 0;
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    await store.appendUpdates(ROOM, batch);
    stored += batch.length;
    if (performance.now() - start > BUDGET_MS) break;
  }
  const seconds = (performance.now() - start) / 1000;
  if ((await store.logLength(ROOM)) !== stored) throw new Error('rows missing after the run');
  return stored / seconds;
}

async function sqlite(updates: Uint8Array[], synchronous: Synchronous): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-bench-'));
  const store = SqliteStore.open(path.join(dir, 'bench.db'), {
    synchronous,
    compactThreshold: Infinity,
  });
  try {
    return await appendBatched(store, updates);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(report: BenchReport = () => {}): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const add = (figure: Figure): void => {
    const result: BenchResult = { group: GROUP, ...figure };
    results.push(result);
    report(result);
  };
  const { updates, name, source } = traceUpdates();
  const workload =
    source === 'file'
      ? `the first ${updates.length.toLocaleString('en-US')} transactions of the ${name} trace ${TRACE_ATTRIBUTION}`
      : `${updates.length.toLocaleString('en-US')} transactions of the generated stand-in trace (no real trace found)`;
  const server = await startPostgres();
  try {
    const store = await PgStore.open(await server.createDatabase(), {
      compactThreshold: Infinity,
    });
    try {
      add({
        figure: `appends/s to PostgreSQL, batched (${BATCH} updates per transaction)`,
        value: await appendBatched(store, updates),
        unit: 'updates/s',
        note: `${workload}; PostgreSQL 15 on 127.0.0.1 (fsync and synchronous_commit on), one writer; a per-room advisory lock orders the seqs`,
      });
    } finally {
      await store.close();
    }
  } finally {
    await server.destroy();
  }
  for (const synchronous of ['NORMAL', 'FULL'] as const) {
    add({
      figure: `appends/s to SQLite, batched (${BATCH} updates per transaction), synchronous=${synchronous}`,
      value: await sqlite(updates, synchronous),
      unit: 'updates/s',
      note: `the same updates and batches in the same run, as the reference`,
    });
  }
  return results;
}
