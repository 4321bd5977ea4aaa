import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startServeProcess, type ServeProcess } from '../../../test/helpers/serveProcess.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';

const tempDir = useTempDir();
const running: ServeProcess[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) {
    s.child.kill('SIGKILL');
    await s.exited;
  }
});

async function serve(args: string[], env: NodeJS.ProcessEnv) {
  const s = await startServeProcess(args, env);
  running.push(s);
  return s;
}

/** The HTTP status of a sync handshake sent with this Origin header (101 when accepted). */
function handshake(s: ServeProcess, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${s.syncUrl}/section:origin?token=${s.token}`, { origin });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', () => resolve(0));
  });
}

describe('galley serve configured from the environment', () => {
  it('takes its database, port and token from GALLEY_* variables; a flag wins', async () => {
    const dir = tempDir();
    const env = { GALLEY_DB: join(dir, 'env.db'), GALLEY_PORT: '0', GALLEY_TOKEN: 'from-env' };
    const s = await serve([], env);
    expect(s.token).toBe('from-env');
    expect(s.port).toBeGreaterThan(0);
    const flagged = await serve(['--token', 'from-flag'], { ...env, GALLEY_DB: join(dir, 'b.db') });
    expect(flagged.token).toBe('from-flag');
  });

  it('accepts browsers from an --allow-origin address and no other', async () => {
    const s = await serve(
      [
        '--db',
        join(tempDir(), 'g.db'),
        '--port',
        '0',
        '--allow-origin',
        'https://galley.example.com',
      ],
      {},
    );
    expect(await handshake(s, 'https://galley.example.com')).toBe(101);
    expect(await handshake(s, 'https://elsewhere.example.com')).toBe(403);
  });

  it('refuses an --allow-origin that is not an origin', async () => {
    await expect(
      serve(['--db', join(tempDir(), 'g.db'), '--allow-origin', 'https://x.example.com/path'], {}),
    ).rejects.toThrow(/--allow-origin takes an origin/);
  });
});
