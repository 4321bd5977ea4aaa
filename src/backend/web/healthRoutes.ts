import type { ServerResponse } from 'node:http';

/** What `/readyz` checks; each check resolves when fine and rejects (or is false) when not. */
export interface ReadinessChecks {
  /** The store answers (`GalleyStore.ping()`). */
  ping: () => Promise<void>;
  /** Clustered hubs only: the room bus is listening. */
  busConnected?: () => boolean;
  /** True once a graceful drain started: the proxy should send nobody new here. */
  draining: () => boolean;
}

// A database that does not answer within this long counts as down: a probe must not hang.
const PING_TIMEOUT_MS = 2000;

/**
 * `GET /healthz` (the process is up: always 200) and `GET /readyz` (200 when the store
 * answers, the bus is connected when clustered and no drain has started; else 503 with
 * a JSON reason). Returns false for any other path. No token: a load balancer probes
 * these, and they say nothing about the content.
 */
export function serveHealth(path: string, res: ServerResponse, checks: ReadinessChecks): boolean {
  if (path === '/healthz') {
    sendJson(res, 200, { ok: true });
    return true;
  }
  if (path !== '/readyz') return false;
  readiness(checks).then(
    (reason) =>
      sendJson(
        res,
        reason === null ? 200 : 503,
        reason === null ? { ok: true } : { ok: false, reason },
      ),
    (error: unknown) => sendJson(res, 503, { ok: false, reason: `check failed: ${String(error)}` }),
  );
  return true;
}

/** Null when ready, else why not (one sentence, no secrets). */
async function readiness(checks: ReadinessChecks): Promise<string | null> {
  if (checks.draining()) return 'draining: the server is shutting down';
  if (checks.busConnected !== undefined && !checks.busConnected()) {
    return 'the room bus is not connected to the database';
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      checks.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), PING_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    return `the database does not answer: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    clearTimeout(timer);
  }
  return null;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
