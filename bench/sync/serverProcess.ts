/**
 * The server side of the sync bench, alone in its own Node process: `remote.ts` forks this
 * file (`node --import tsx --expose-gc serverProcess.ts`) and drives it over IPC. One
 * process serves one server (Galley's hub on a real Store, or the reference server), so
 * every figure the bench reads here (CPU time, heap, the update log's length) belongs to
 * the server and to nothing else: the clients live in the parent process.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { startHub, startReference, type HubServer, type SyncServer } from './servers.ts';
import type { ServerReply, ServerRequest, WindowReading, LogLength } from './remote.ts';

let server: SyncServer | null = null;
let hub: HubServer | null = null;

/** A readonly second connection on the hub's file: counts log rows whatever the Store's API. */
let reader: Database.Database | null = null;
let sampler: NodeJS.Timeout | null = null;
let longest: LogLength = { rows: 0, room: '', samples: 0 };

/** The measuring window: CPU, event-loop delay and GC pauses since `window-start`. */
let windowCpu = process.cpuUsage();
let windowLoop = monitorEventLoopDelay({ resolution: 1 });
let windowGcMax = 0;
let windowGcTotal = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    windowGcMax = Math.max(windowGcMax, entry.duration);
    windowGcTotal += entry.duration;
  }
});

function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('server process: run with --expose-gc');
  gc();
  gc();
}

function sampleLog(): void {
  if (reader === null) return;
  const rows = reader
    .prepare('SELECT room, count(*) AS n FROM updates GROUP BY room')
    .all() as Array<{ room: string; n: number }>;
  longest.samples++;
  for (const { room, n } of rows) if (n > longest.rows) longest = { ...longest, rows: n, room };
}

async function handle(request: ServerRequest): Promise<unknown> {
  switch (request.op) {
    case 'start': {
      if (server !== null) throw new Error('server process: already serving');
      if (request.kind === 'hub') {
        hub = await startHub(request.dir, request.unlimited ? { rateLimit: UNLIMITED } : {});
        server = hub;
      } else {
        server = await startReference();
      }
      return server.url;
    }
    case 'seed': {
      for (const room of request.rooms) await requireHub().store.appendUpdate(room, request.update);
      return null;
    }
    case 'heap': {
      fullGc();
      return process.memoryUsage().heapUsed;
    }
    case 'stats':
      return requireHub().hub.stats();
    case 'trouble':
      return requireHub()
        .logs.filter((entry) => entry.level !== 'info')
        .map((entry) => entry.msg);
    case 'log-sampling': {
      const { dbPath } = requireHub();
      reader ??= new Database(dbPath, { readonly: true, fileMustExist: true });
      longest = { rows: 0, room: '', samples: 0 };
      sampleLog();
      clearInterval(sampler ?? undefined);
      sampler = setInterval(sampleLog, request.everyMs);
      return null;
    }
    case 'log-length': {
      clearInterval(sampler ?? undefined);
      sampler = null;
      sampleLog();
      return longest;
    }
    case 'window-start': {
      windowLoop.disable();
      windowLoop = monitorEventLoopDelay({ resolution: 1 });
      windowLoop.enable();
      windowGcMax = 0;
      windowGcTotal = 0;
      gcObserver.observe({ entryTypes: ['gc'] });
      windowCpu = process.cpuUsage();
      return null;
    }
    case 'window-end': {
      const cpu = process.cpuUsage(windowCpu);
      windowLoop.disable();
      gcObserver.disconnect();
      const reading: WindowReading = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        loopDelayP99: windowLoop.percentile(99) / 1e6,
        loopDelayMax: windowLoop.max / 1e6,
        gcPauseMax: windowGcMax,
        gcPauseTotal: windowGcTotal,
      };
      return reading;
    }
    case 'stop': {
      await stop();
      return null;
    }
  }
}

/** Stops serving; the hub's database file stays for the parent to check (it removes it). */
async function stop(): Promise<void> {
  clearInterval(sampler ?? undefined);
  reader?.close();
  reader = null;
  const current = server;
  const currentHub = hub;
  server = null;
  hub = null;
  if (currentHub !== null) await currentHub.stopKeepingFile();
  else if (current !== null) await current.stop();
}

function requireHub(): HubServer {
  if (hub === null) throw new Error('server process: no hub running');
  return hub;
}

/** A replay rate limit the hub cannot hit (the default rightly closes a trace's sender). */
const UNLIMITED = { perSecond: 1e9, burst: 1e9 };

process.on('message', (message: ServerRequest & { id: number }) => {
  handle(message).then(
    (value) => send({ id: message.id, ok: true, value }),
    (error: unknown) =>
      send({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

// The parent went away (finished, failed or was killed): stop and leave, so no server outlives it.
process.on('disconnect', () => {
  void stop().finally(() => process.exit(0));
});

function send(reply: ServerReply): void {
  process.send?.(reply);
}

send({ id: 0, ok: true, value: 'ready' });
