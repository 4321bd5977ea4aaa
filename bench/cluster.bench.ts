import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { startPostgres } from '../test/helpers/postgres.ts';
import { startServeProcess, type ServeProcess } from '../test/helpers/serveProcess.ts';
import { LATENCY_SETUP } from './sync/latency.ts';
import {
  allowExitListeners,
  BENCH_TOKEN,
  connect,
  disconnect,
  type Client,
} from './sync/servers.ts';
import { quantile, seededRandom, waitFor } from './sync/util.ts';
import type { BenchReport, BenchResult } from './types.ts';

/*
 * Keystroke latency across hubs: 50 y-websocket clients in 10 rooms, each room's clients
 * split over two `galley serve` processes on one PostgreSQL database, so a keystroke
 * typed on a client of one hub reaches the clients of the other through the database's
 * LISTEN/NOTIFY and the other hub's read of the new rows. Only those cross-hub deliveries
 * are sampled. In the same run the same clients type the same way on ONE `galley serve`
 * on a SQLite file, as the reference. The hubs are child processes; every client is in
 * this process, so one clock (performance.now()) stamps the keystroke and its arrival.
 */

const GROUP = 'Cluster';
const TEXT_NAME = 'body';
/**
 * Typing before the measured window, the same for both setups: freshly started hubs
 * (JIT, database pools, the first NOTIFYs) deliver the first seconds' keystrokes across
 * hubs hundreds of ms late, and that backlog drains over ~5 s; the figures are of hubs
 * already serving, and the warm-up's own p99 is in the note.
 */
const WARM_UP_MS = 6000;

interface Latency {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  keystrokes: number;
  missing: number;
  /** p99 of the deliveries of keystrokes typed during the warm-up. */
  warmUpP99: number;
}

/** A typing client and the hub (index into the hub list) it is connected to. */
interface Typist {
  client: Client;
  hub: number;
}

/**
 * Connects `rooms × clientsPerRoom` clients, the k-th client of a room to hub k mod the
 * number of hubs; every client types one char every ~intervalMs for durationMs. A sample
 * is a delivery from a client of one hub to a client of another (or, with one hub, to any
 * other client of the room).
 */
async function measure(syncUrls: string[]): Promise<Latency> {
  const { rooms, clientsPerRoom, intervalMs, jitterMs, durationMs } = LATENCY_SETUP;
  const typists: Typist[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const restoreListeners = allowExitListeners(rooms * clientsPerRoom);
  try {
    for (let r = 0; r < rooms; r++) {
      const connecting = Array.from({ length: clientsPerRoom }, async (_, k) => {
        const hub = k % syncUrls.length;
        const server = { url: syncUrls[hub]!, stop: async () => {} };
        const client = await connect(server, `section:cluster${r}`, new Y.Doc());
        return { client, hub };
      });
      typists.push(...(await Promise.all(connecting)));
    }
    const hubOf = new Map(typists.map(({ client, hub }) => [client.doc.clientID, hub]));
    const sentAt = new Map<number, number[]>();
    const samples: number[] = [];
    const warmUp: number[] = [];
    let expected = 0;
    const measureFrom = performance.now() + WARM_UP_MS;
    const crossHub = (from: number, to: number) => syncUrls.length === 1 || from !== to;
    for (const { client, hub } of typists) {
      const { doc } = client;
      sentAt.set(doc.clientID, []);
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.local) return;
        const now = performance.now();
        for (const [sender, after] of tr.afterState) {
          const times = sentAt.get(sender);
          if (times === undefined || sender === doc.clientID) continue;
          if (!crossHub(hubOf.get(sender)!, hub)) continue;
          for (let clock = tr.beforeState.get(sender) ?? 0; clock < after; clock++) {
            const sent = times[clock];
            if (sent !== undefined) (sent >= measureFrom ? samples : warmUp).push(now - sent);
          }
        }
      });
    }
    const random = seededRandom(0xc1a5);
    let keystrokes = 0;
    const stopAt = measureFrom + durationMs;
    const type = (typist: Typist, roomIndex: number) => {
      if (performance.now() >= stopAt) return;
      const { doc } = typist.client;
      const text = doc.getText(TEXT_NAME);
      const clock = Y.getState(doc.store, doc.clientID);
      const at = Math.floor(random() * (text.length + 1));
      const sent = performance.now();
      sentAt.get(doc.clientID)![clock] = sent;
      text.insert(at, String.fromCharCode(97 + Math.floor(random() * 26)));
      if (sent < measureFrom) return schedule(typist, roomIndex, nextDelay());
      keystrokes++;
      // The receivers in the room this keystroke must reach on another hub.
      const room = typists.slice(roomIndex * clientsPerRoom, (roomIndex + 1) * clientsPerRoom);
      expected += room.filter((t) => t !== typist && crossHub(typist.hub, t.hub)).length;
      schedule(typist, roomIndex, nextDelay());
    };
    const nextDelay = () => intervalMs + (random() * 2 - 1) * jitterMs;
    const schedule = (typist: Typist, roomIndex: number, delay: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        type(typist, roomIndex);
      }, delay);
      timers.add(timer);
    };
    typists.forEach((typist, i) =>
      schedule(typist, Math.floor(i / clientsPerRoom), random() * intervalMs),
    );
    await waitFor(() => timers.size === 0, 'the typists to stop', WARM_UP_MS + durationMs + 5000);
    await waitFor(() => samples.length >= expected, 'the last keystrokes', 5000).catch(() => {});
    for (let r = 0; r < rooms; r++) {
      const texts = typists
        .slice(r * clientsPerRoom, (r + 1) * clientsPerRoom)
        .map(({ client }) => client.doc.getText(TEXT_NAME).toString());
      if (texts.some((t) => t !== texts[0])) throw new Error(`cluster room ${r} diverged`);
    }
    const sorted = samples.sort((a, b) => a - b);
    return {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted[sorted.length - 1]!,
      samples: sorted.length,
      keystrokes,
      missing: Math.max(0, expected - sorted.length),
      warmUpP99: quantile(
        warmUp.sort((a, b) => a - b),
        0.99,
      ),
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const { client } of typists) disconnect(client);
    restoreListeners();
  }
}

async function stopAll(hubs: ServeProcess[]): Promise<void> {
  for (const hub of hubs) {
    hub.child.kill('SIGKILL');
    await hub.exited;
  }
}

/** Two hubs on one fresh PostgreSQL database. */
async function acrossTwoHubs(): Promise<Latency> {
  const server = await startPostgres();
  const hubs: ServeProcess[] = [];
  try {
    const url = await server.createDatabase();
    for (let i = 0; i < 2; i++) {
      hubs.push(await startServeProcess(['--store', url, '--port', '0', '--token', BENCH_TOKEN]));
    }
    return await measure(hubs.map((hub) => hub.syncUrl));
  } finally {
    await stopAll(hubs);
    await server.destroy();
  }
}

/** One hub on a fresh SQLite file. */
async function oneSqliteHub(): Promise<Latency> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-cluster-bench-'));
  const hubs: ServeProcess[] = [];
  try {
    const db = path.join(dir, 'bench.db');
    hubs.push(await startServeProcess(['--db', db, '--port', '0', '--token', BENCH_TOKEN]));
    return await measure(hubs.map((hub) => hub.syncUrl));
  } finally {
    await stopAll(hubs);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function describe(latency: Latency): string {
  return (
    `${latency.keystrokes} keystrokes, ${latency.samples} deliveries sampled, ` +
    `${latency.missing} missing, max ${latency.max.toFixed(1)} ms; p99 of the ` +
    `${WARM_UP_MS / 1000} s warm-up before (not in the figure) ${latency.warmUpP99.toFixed(1)} ms`
  );
}

/** Measures keystroke latency across two PostgreSQL-backed hubs and on one SQLite hub. */
export async function run(report: BenchReport = () => {}): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const add = (figure: Omit<BenchResult, 'group'>): void => {
    const result: BenchResult = { group: GROUP, ...figure };
    results.push(result);
    report(result);
  };
  const { rooms, clientsPerRoom, intervalMs, jitterMs, durationMs } = LATENCY_SETUP;
  const clients = rooms * clientsPerRoom;
  const load = `${os.cpus().length} CPUs, 1-min load average ${(os.loadavg()[0] ?? 0).toFixed(1)} at the start`;
  const workload =
    `${clients} y-websocket clients in ${rooms} rooms (${clientsPerRoom} each), each typing ` +
    `one char every ${intervalMs}±${jitterMs} ms for ${durationMs / 1000} s after ` +
    `${WARM_UP_MS / 1000} s of unmeasured typing; the hubs are ` +
    '`galley serve` child processes, every client is in the bench process (one clock)';
  const cluster = await acrossTwoHubs();
  const cross =
    `${workload}; each room's clients alternate over two hubs on one PostgreSQL 15 database ` +
    `(127.0.0.1), only deliveries from a client of one hub to a client of the other sampled; ` +
    `${describe(cluster)}; ${load}`;
  add({
    figure: `keystroke latency p50 across two hubs, ${clients} clients`,
    value: round(cluster.p50),
    unit: 'ms',
    note: cross,
  });
  add({
    figure: `keystroke latency p99 across two hubs, ${clients} clients`,
    value: round(cluster.p99),
    unit: 'ms',
    note: cross,
  });
  const single = await oneSqliteHub();
  const reference = `${workload}; all on ONE hub on a SQLite file, in the same run as the two-hub figures; ${describe(single)}`;
  add({
    figure: `keystroke latency p50 on one SQLite hub, ${clients} clients`,
    value: round(single.p50),
    unit: 'ms',
    note: reference,
  });
  add({
    figure: `keystroke latency p99 on one SQLite hub, ${clients} clients`,
    value: round(single.p99),
    unit: 'ms',
    note: reference,
  });
  add({
    figure: 'keystroke latency p99, two PostgreSQL hubs / one SQLite hub',
    value: round(cluster.p99 / single.p99),
    unit: 'x',
    note: 'the two p99 figures above, same run, same clients and typing',
  });
  return results;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
