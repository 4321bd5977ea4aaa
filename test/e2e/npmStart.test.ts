import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { BROWSER_FALLBACK_LINE } from '../../src/main/launch.ts';
import { useTempDir } from '../helpers/tempDir.ts';

const root = join(import.meta.dirname, '../..');
const tempDir = useTempDir();

describe('npm start without the Electron binary', () => {
  it(
    'prints one line, then serves browser mode at the address it prints',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const child = spawn('npm', ['start', '--', '--port', '0'], {
        cwd: root,
        // An empty Electron dist folder: the binary is absent whatever this machine has.
        env: {
          ...process.env,
          ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
          GALLEY_DB: join(dir, 'galley.db'),
          GALLEY_LOG: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so the whole tree (npm, tsx, node) stops together.
        detached: true,
        shell: process.platform === 'win32',
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const printed: string[] = [];
      try {
        const open = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(
            () =>
              reject(new Error(`npm start printed no address: ${printed.join('\n')}\n${stderr}`)),
            100_000,
          );
          createInterface({ input: child.stdout! }).on('line', (line) => {
            printed.push(line);
            const match = / open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
            if (match) {
              clearTimeout(timer);
              resolve(match[1]!);
            }
          });
          void exited.then((code) =>
            reject(new Error(`npm start exited (${code}): ${printed.join('\n')}\n${stderr}`)),
          );
        });
        // npm's own header lines aside, the notice comes first and is one line.
        const ours = printed.filter((line) => line.trim() !== '' && !line.startsWith('> '));
        expect(ours[0]).toBe(BROWSER_FALLBACK_LINE);

        const page = await fetch(open);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const url = new URL(open);
        const token = url.searchParams.get('token')!;
        const list = await fetch(`${url.origin}/api/editions.list`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: '{}',
        });
        const result = (await list.json()) as { ok: boolean; value: { title: string }[] };
        expect(result.ok).toBe(true);
        // The first run's sample edition, in the database GALLEY_DB named.
        expect(result.value.map((edition) => edition.title).join()).toMatch(/Build Log/);
      } finally {
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
    },
  );
});
