import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { usePostgres } from '../../../test/helpers/postgres.ts';
import { startServeProcess } from '../../../test/helpers/serveProcess.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { waitFor } from '../../../test/helpers/waitFor.ts';
import { PgRoomBus } from '../cluster/PgRoomBus.ts';
import { startServer, type RunningServer } from './startServer.ts';

const tempDir = useTempDir();
const servers: RunningServer[] = [];
const postgres = usePostgres();
/** A fresh database of this file's server. */
let dbUrl: string;

beforeAll(async () => {
  dbUrl = await postgres().createDatabase();
});

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function get(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('health and readiness', () => {
  it('answers /healthz and /readyz without a token while the store answers', async () => {
    const s = await startServer({ dbPath: join(tempDir(), 'g.db'), port: 0 });
    servers.push(s);
    expect(await get(`${s.url}/healthz`)).toEqual({ status: 200, body: { ok: true } });
    expect(await get(`${s.url}/readyz`)).toEqual({ status: 200, body: { ok: true } });
  });

  it('is not ready while the room bus has lost the database, and ready again once it is back', async () => {
    const bus = await PgRoomBus.open(dbUrl, { reconnectMinMs: 50, reconnectMaxMs: 200 });
    const s = await startServer({ dbPath: join(tempDir(), 'g.db'), port: 0, bus });
    servers.push(s);
    expect((await get(`${s.url}/readyz`)).status).toBe(200);
    await postgres().stop();
    try {
      await waitFor(() => !bus.connected, 'the bus to notice');
      const down = await get(`${s.url}/readyz`);
      expect(down).toEqual({
        status: 503,
        body: { ok: false, reason: 'the room bus is not connected to the database' },
      });
      // The process itself is still up.
      expect((await get(`${s.url}/healthz`)).status).toBe(200);
    } finally {
      await postgres().start();
    }
    await waitFor(() => bus.connected, 'the bus to reconnect', 20_000);
    expect((await get(`${s.url}/readyz`)).status).toBe(200);
    await bus.close();
  });
});

describe('galley serve drain on SIGTERM', () => {
  it('sends editors away with 1001, stops accepting connections and exits 0', async () => {
    const s = await startServeProcess(['--db', join(tempDir(), 'g.db'), '--port', '0']);
    try {
      const ws = new WebSocket(`${s.syncUrl}/section:drain?token=${s.token}`);
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      s.child.kill('SIGTERM');
      expect(await closed).toBe(1001);
      expect(await s.exited).toBe(0);
      await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    } finally {
      s.child.kill('SIGKILL');
    }
  });
});
