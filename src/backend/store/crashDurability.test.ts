import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { crashBlob } from '../../../test/helpers/crashBlob.ts';
import { seededRandom } from '../../../test/helpers/random.ts';
import { useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { Store } from './Store.ts';

/**
 * An update is durable before the hub relays it: a child process appends and reports
 * each committed seq, gets SIGKILLed at a random moment, and every reported update must
 * be in the reopened file, byte for byte, in a database that passes integrity_check.
 */

const REPO = path.resolve(import.meta.dirname, '../../..');
const WRITER = path.join(REPO, 'test/helpers/crashWriter.ts');
const ROOM = 'section:crash';
const ROUNDS = 20;
/** How many writers are started ahead of their round. */
const WARM = 3;
/** Same seed, same kill moments: a failure can be replayed. */
const SEED = 20_240_601;

interface Writer {
  /** Lets the writer start; SIGKILLs it `delayMs` after its first report; resolves with the seqs it reported. */
  go(delayMs: number): Promise<number[]>;
  kill(): void;
}

/**
 * Starts a writer that loads its modules and then waits for `go`: starting Node and tsx
 * takes most of a second, so the next round's writer warms up while this round runs.
 */
function startWriter(file: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, ROOM], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  child.stderr.on('data', (chunk: string) => (err += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    go: async (delayMs) => {
      let killTimer: NodeJS.Timeout | undefined;
      child.stdout.once('data', () => {
        killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      });
      // Never hang the suite if the writer fails.
      const watchdog = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.stdin.end('go\n');
      const { code, signal } = await closed;
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL' || killTimer === undefined) {
        throw new Error(`writer ended with code ${code} and signal ${signal}: ${err}`);
      }
      // Keep complete lines only: a torn last line was still being written.
      const lines = out.split('\n');
      lines.pop();
      return lines.map(Number);
    },
    kill: () => child.kill('SIGKILL'),
  };
}

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** The room's rows as stored, read without the Store so nothing is merged or repaired. */
function readRows(file: string): { seq: number; hash: string }[] {
  const db = new Database(file, { fileMustExist: true });
  try {
    return db
      .prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq')
      .raw()
      .all(ROOM)
      .map((row) => {
        const [seq, data]: unknown[] = Array.isArray(row) ? row : [];
        if (typeof seq !== 'number' || !(data instanceof Uint8Array)) throw new Error('bad row');
        return { seq, hash: digest(data) };
      });
  } finally {
    db.close();
  }
}

describe('crash durability', () => {
  const stores = useStoreFiles();

  it('keeps every reported update across SIGKILLs at random moments', async () => {
    const file = stores.file();
    const random = seededRandom(SEED);
    const expected: string[] = [''];
    let reportedMax = 0;
    // Writers warming up for the next rounds (Node + tsx take most of a second to start).
    const warm: Writer[] = [];
    const refill = (nextRound: number): void => {
      for (let r = nextRound + warm.length; r <= Math.min(ROUNDS, nextRound + WARM - 1); r += 1) {
        warm.push(startWriter(file));
      }
    };
    try {
      refill(1);
      for (let round = 1; round <= ROUNDS; round += 1) {
        const delayMs = random.int(2, 100);
        const writer = warm.shift();
        if (writer === undefined) throw new Error('no writer');
        const running = writer.go(delayMs);
        refill(round + 1);
        const reported = await running;
        expect(reported.length, `round ${round}: the writer reported nothing`).toBeGreaterThan(0);
        reportedMax = Math.max(reportedMax, ...reported);

        const store = Store.open(file);
        expect(store.integrityCheck()).toBe('ok');
        const length = store.logLength(ROOM);
        store.close();

        const rows = readRows(file);
        expect(rows.length).toBe(length);
        // Everything reported survived; at most the one append in flight at the kill
        // (up to a batch of 20) is there without having been reported.
        expect(length, `round ${round} (kill after ${delayMs} ms)`).toBeGreaterThanOrEqual(
          reportedMax,
        );
        expect(length).toBeLessThanOrEqual(reportedMax + 20);
        for (const [index, row] of rows.entries()) {
          expect(row.seq).toBe(index + 1);
          expected[row.seq] ??= digest(crashBlob(row.seq));
          if (row.hash !== expected[row.seq]) {
            expect.fail(`round ${round}: seq ${row.seq} has different bytes`);
          }
        }
        // The next writer starts after the last committed row, reported or not.
        reportedMax = length;
      }
    } finally {
      for (const writer of warm) writer.kill();
    }
  }, 60_000);
});
