import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import * as Y from 'yjs';
import { spawnServerProcess, type LogLength, type WindowReading } from './remote.ts';
import { allowExitListeners, connect, disconnect, type Client } from './servers.ts';
import { quantile, seededRandom, waitFor } from './util.ts';

/** How the keystroke test is shaped. */
export interface LatencySetup {
  rooms: number;
  clientsPerRoom: number;
  /** Mean time between one client's keystrokes. */
  intervalMs: number;
  /** Each interval is intervalMs ± jitterMs, uniformly. */
  jitterMs: number;
  durationMs: number;
  /** Why the setup is shaped so, for the figures' notes. */
  why?: string;
}

/** 50 clients in 10 rooms, each typing 10 characters a second for 10 seconds. */
export const LATENCY_SETUP: LatencySetup = {
  rooms: 10,
  clientsPerRoom: 5,
  intervalMs: 100,
  jitterMs: 30,
  durationMs: 10_000,
};

/** 1000 clients in 200 rooms on one hub process, each typing one character a second. */
export const LATENCY_SETUP_LARGE: LatencySetup = {
  rooms: 200,
  clientsPerRoom: 5,
  intervalMs: 1000,
  jitterMs: 300,
  durationMs: 10_000,
  why:
    'one char a second each, a tenth of the 50-client rate: 1000 keystrokes/s and 4000 ' +
    'deliveries/s in all, twice the 50-client load; at 10 a second each the one client ' +
    'process (50,000 Yjs updates/s to make and apply) would be the bottleneck, not the hub',
};

/** What the keystroke test measured, in ms from typing to arrival. */
export interface LatencyResult {
  p50: number;
  p99: number;
  max: number;
  /** Deliveries measured: keystrokes times the other clients in the room. */
  samples: number;
  keystrokes: number;
  /** Deliveries that had not arrived when the test stopped waiting (should be 0). */
  missing: number;
  /**
   * p99 of the event loop's delay while typing: when it is close to the latency p99,
   * the slow deliveries were the process (or the machine) stalling, not the hub's path.
   */
  loopDelayP99: number;
  /** The longest event-loop stall while typing. */
  loopDelayMax: number;
  /** The longest garbage-collection pause while typing (a usual cause of such a stall). */
  gcPauseMax: number;
  /** The hub process's own CPU time, event-loop delay and GC while the clients typed. */
  hub: WindowReading;
  /** The hub process's heap growth (after a full GC) from before connecting to the end, per client. */
  hubHeapPerClientKiB: number;
  /** The longest update log of any room, sampled every LOG_SAMPLE_MS inside the hub process. */
  longestLog: LogLength;
}

/** How often the hub process counts the rows of each room's update log. */
export const LOG_SAMPLE_MS = 100;

const TEXT_NAME = 'body';

/**
 * Every client types one character every ~intervalMs at a random place in its room's
 * text. The hub runs alone in a child process; every client, sender and receiver alike,
 * is in this process, so one clock (performance.now()) stamps both ends of a delivery.
 * The send time of each keystroke is kept under the (clientID, clock) of the character it
 * creates; a receiver's transaction reports which clocks of which clients it brought in
 * (beforeState/afterState), and each one found is a delivery sample.
 */
export async function measureKeystrokeLatency(
  setup: LatencySetup = LATENCY_SETUP,
): Promise<LatencyResult> {
  const child = await spawnServerProcess();
  const clients: Client[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const clientCount = setup.rooms * setup.clientsPerRoom;
  const restoreListeners = allowExitListeners(clientCount);
  let gcObserver: PerformanceObserver | undefined;
  try {
    const server = await child.serve('hub');
    /** Send time of each keystroke, by clientID, indexed by the clock of its character. */
    const sentAt = new Map<number, number[]>();
    const samples: number[] = [];
    const heapBefore = await server.request<number>({ op: 'heap' });
    // In waves, so 1000 handshakes do not all queue on the hub at once.
    const WAVE = 100;
    for (let first = 0; first < clientCount; first += WAVE) {
      const connecting: Array<Promise<Client>> = [];
      for (let i = first; i < Math.min(clientCount, first + WAVE); i++) {
        const room = Math.floor(i / setup.clientsPerRoom);
        connecting.push(connect(server, `section:latency${room}`, new Y.Doc()));
      }
      const settled = await Promise.allSettled(connecting);
      for (const outcome of settled) {
        if (outcome.status === 'fulfilled') clients.push(outcome.value);
      }
      const failed = settled.find((outcome) => outcome.status === 'rejected');
      if (failed !== undefined) throw failed.reason;
    }

    for (const { doc } of clients) {
      sentAt.set(doc.clientID, []);
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.local) return;
        const now = performance.now();
        for (const [client, after] of tr.afterState) {
          const times = sentAt.get(client);
          if (times === undefined || client === doc.clientID) continue;
          for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
            const sent = times[clock];
            if (sent !== undefined) samples.push(now - sent);
          }
        }
      });
    }

    await server.request({ op: 'log-sampling', everyMs: LOG_SAMPLE_MS });
    await server.request({ op: 'window-start' });
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    let gcPauseMax = 0;
    gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauseMax = Math.max(gcPauseMax, entry.duration);
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    const random = seededRandom(0x5eed);
    let keystrokes = 0;
    const stopAt = performance.now() + setup.durationMs;
    const type = (client: Client) => {
      if (performance.now() >= stopAt) return;
      const text = client.doc.getText(TEXT_NAME);
      const clock = Y.getState(client.doc.store, client.doc.clientID);
      const char = String.fromCharCode(97 + Math.floor(random() * 26));
      const at = Math.floor(random() * (text.length + 1));
      // Stamped before the insert: the provider sends inside the transaction.
      sentAt.get(client.doc.clientID)![clock] = performance.now();
      text.insert(at, char);
      keystrokes++;
      schedule(client, setup.intervalMs + (random() * 2 - 1) * setup.jitterMs);
    };
    const schedule = (client: Client, delay: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        type(client);
      }, delay);
      timers.add(timer);
    };
    // Random phases, so the clients do not fire in lockstep.
    for (const client of clients) schedule(client, random() * setup.intervalMs);

    await waitFor(() => timers.size === 0, 'the typists to stop', setup.durationMs + 5000);
    const expected = keystrokes * (setup.clientsPerRoom - 1);
    await waitFor(() => samples.length >= expected, 'the last keystrokes', 5000).catch(() => {});
    const hub = await server.request<WindowReading>({ op: 'window-end' });
    loopDelay.disable();
    gcObserver.disconnect();
    const longestLog = await server.request<LogLength>({ op: 'log-length' });
    const heapAfter = await server.request<number>({ op: 'heap' });
    // Every client of a room must end with the same text, or the samples mean nothing.
    for (let r = 0; r < setup.rooms; r++) {
      const texts = clients
        .slice(r * setup.clientsPerRoom, (r + 1) * setup.clientsPerRoom)
        .map(({ doc }) => doc.getText(TEXT_NAME).toString());
      if (texts.some((t) => t !== texts[0])) throw new Error(`latency room ${r} diverged`);
    }
    const trouble = await server.request<string[]>({ op: 'trouble' });
    if (trouble.length > 0) {
      throw new Error(`hub logged during the latency test: ${trouble.join('; ')}`);
    }
    const sorted = samples.sort((a, b) => a - b);
    return {
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      max: sorted[sorted.length - 1]!,
      samples: sorted.length,
      keystrokes,
      missing: Math.max(0, expected - sorted.length),
      loopDelayP99: loopDelay.percentile(99) / 1e6,
      loopDelayMax: loopDelay.max / 1e6,
      gcPauseMax,
      hub,
      hubHeapPerClientKiB: (heapAfter - heapBefore) / clientCount / 1024,
      longestLog,
    };
  } finally {
    gcObserver?.disconnect();
    for (const timer of timers) clearTimeout(timer);
    for (const client of clients) disconnect(client);
    restoreListeners();
    await child.dispose();
  }
}
