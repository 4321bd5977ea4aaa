import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const BIN = join(import.meta.dirname, '../../bin/galley.js');

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  syncUrl: string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  stderr: () => string;
}

/** Starts `galley serve` as a child process and waits for its one-line banner. */
export async function startServeProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, GALLEY_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const lines = createInterface({ input: child.stdout! });
  const banner = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`galley serve did not start: ${err}`)), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    void exited.then((code) => reject(new Error(`galley serve exited (${code}): ${err}`)));
  });
  const match = /serving (http:\/\/\S+) \(port (\d+)\) · sync (\S+) · token (\S+)/.exec(banner);
  if (!match) throw new Error(`unexpected banner: ${banner}`);
  return {
    child,
    url: match[1]!,
    port: Number(match[2]),
    syncUrl: match[3]!,
    token: match[4]!,
    exited,
    stderr: () => err,
  };
}
