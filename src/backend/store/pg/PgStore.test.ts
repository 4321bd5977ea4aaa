import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { usePostgres } from '../../../../test/helpers/postgres.ts';
import { storeContract } from '../../../../test/helpers/storeContract/index.ts';
import { typeUpdates } from '../../../../test/helpers/yjsTyping.ts';
import { PgStore } from './PgStore.ts';

const server = usePostgres();

// The store contract on PostgreSQL: a fresh database per test.
storeContract('postgres', async (options) => {
  const url = await server().createDatabase();
  const store = await PgStore.open(url, options);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await server().dropDatabase(url);
    },
  };
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('PgStore on a shared database', () => {
  it('gives unique per-room seqs to concurrent hubs, and a polling reader misses no row', async () => {
    const url = await server().createDatabase();
    // Two hubs open the new database at once: the migrations run once, under the lock.
    const [a, b, reader] = await Promise.all([
      PgStore.open(url),
      PgStore.open(url),
      PgStore.open(url),
    ]);
    try {
      const room = 'section:shared';
      const typing = typeUpdates(240, 11);
      const writers = [a, a, a, b, b, b];
      const perLoop = typing.updates.length / writers.length;
      let done = false;
      const seen: number[] = [];
      const doc = new Y.Doc();
      let last = 0;
      const poll = async () => {
        for (;;) {
          const finished = done;
          const rows = await reader.readUpdatesSince(room, last);
          for (const row of rows) {
            seen.push(row.seq);
            Y.applyUpdate(doc, row.data);
            last = row.seq;
          }
          if (finished) return;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      };
      const polling = poll();
      const assigned = await Promise.all(
        writers.map(async (store, w) => {
          const mine = typing.updates.slice(w * perLoop, (w + 1) * perLoop);
          const seqs: number[] = [];
          for (let i = 0; i < mine.length; i += 4) {
            seqs.push(...(await store.appendUpdates(room, mine.slice(i, i + 4))));
          }
          return seqs;
        }),
      );
      done = true;
      await polling;
      const all = assigned.flat().sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
      // Seen in order, every one of them: none committed later with a lower seq.
      expect(seen).toEqual(all);
      expect(doc.getText('body').toString()).toBe(typing.doc.getText('body').toString());
    } finally {
      await Promise.all([a.close(), b.close(), reader.close()]);
    }
  });

  it('compacts while another hub appends: nothing lost, seqs keep rising', async () => {
    const url = await server().createDatabase();
    const [a, b] = await Promise.all([PgStore.open(url), PgStore.open(url)]);
    try {
      const typing = typeUpdates(200, 5);
      const appending = (async () => {
        for (let i = 0; i < 200; i += 5) await a.appendUpdates('r', typing.updates.slice(i, i + 5));
      })();
      const compacting = (async () => {
        for (let i = 0; i < 10; i += 1) await b.compactRoom('r');
      })();
      await Promise.all([appending, compacting]);
      const rows = await b.readUpdatesSince('r', 0);
      expect(rows.at(-1)?.seq).toBe(200);
      expect((await b.loadDoc('r')).getText('body').toString()).toBe(
        typing.doc.getText('body').toString(),
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('PgStore errors', () => {
  it('never shows the password: location and messages name the URL without it', async () => {
    const url = server().url('no_such_database');
    const error: unknown = await PgStore.open(url).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'StoreError', code: 'unavailable' });
    const message = (error as Error).message;
    expect(message).toContain(`127.0.0.1:${server().port}/no_such_database`);
    expect(message).not.toContain('galley-test');
    const store = await PgStore.open(await server().createDatabase());
    expect(store.location).not.toContain('galley-test');
    expect(store.location).toMatch(/^postgres:\/\/galley@127\.0\.0\.1:\d+\/galley_test_/);
    await store.close();
  });

  it('reports a refused connection as unavailable', async () => {
    const url = server().url('postgres').replace(`:${server().port}/`, ':1/');
    await expect(PgStore.open(url)).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('refuses a database written by a newer Galley', async () => {
    const url = await server().createDatabase();
    await (await PgStore.open(url)).close();
    await withClient(url, (c) => c.query('UPDATE galley_schema SET version = 99'));
    await expect(PgStore.open(url)).rejects.toMatchObject({ code: 'newer-schema' });
  });

  it('integrityCheck names what is wrong with Galley data changed behind its back', async () => {
    const url = await server().createDatabase();
    const store = await PgStore.open(url);
    try {
      await store.putAsset(new Uint8Array([1, 2, 3]), 'image/png');
      await withClient(url, async (c) => {
        await c.query(`INSERT INTO settings (key, value) VALUES ('broken', '{not json')`);
        await c.query(`UPDATE assets SET bytes = '\\x00'`);
      });
      const report = await store.integrityCheck();
      expect(report).toContain('setting broken is not valid JSON');
      expect(report).toMatch(/asset [0-9a-f]{64} does not hash to its name/);
      await expect(store.getSetting('broken')).rejects.toMatchObject({ code: 'corrupt' });
    } finally {
      await store.close();
    }
  });

  it('pings through a database restart and a crash: unavailable while down, nothing acknowledged lost', async () => {
    const url = await server().createDatabase();
    const store = await PgStore.open(url);
    try {
      await store.appendUpdate('r', typeUpdates(1).updates[0]!);
      await server().stop();
      await expect(store.ping()).rejects.toMatchObject({ code: 'unavailable' });
      await expect(store.logLength('r')).rejects.toMatchObject({ code: 'unavailable' });
      await server().start();
      await store.ping();
      expect(await store.logLength('r')).toBe(1);
      // A crash right after an append resolved: the row is there after recovery.
      expect(await store.appendUpdate('r', typeUpdates(2).updates[1]!)).toBe(2);
      await server().kill();
      await expect(store.ping()).rejects.toMatchObject({ code: 'unavailable' });
      await server().start();
      expect((await store.readUpdatesSince('r', 0)).map((row) => row.seq)).toEqual([1, 2]);
    } finally {
      await store.close();
    }
    // A clean stop writes a checkpoint of every database the file created (fsync on).
  }, 120_000);
});
