import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The parent side of the crash tests: a child process (run with tsx) that loads its
 * modules, waits for `go` on stdin, then writes and reports on stdout what it has
 * committed until the parent SIGKILLs it at a moment of the test's choosing.
 */

const REPO = path.resolve(import.meta.dirname, '../..');
/** Never hang the suite if a child fails to start or to report (generous: a loaded machine starts Node slowly). */
const WATCHDOG_MS = 60_000;

export interface CrashChild {
  /** Lets the child start; SIGKILLs it `delayMs` after its first report; resolves with its complete lines. */
  go(delayMs: number): Promise<string[]>;
  kill(): void;
}

/** Starts `script` (a path from the repository root) with `args`; it waits for `go`. */
export function startCrashChild(script: string, args: string[]): CrashChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, script), ...args], {
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
      const watchdog = setTimeout(() => child.kill('SIGKILL'), WATCHDOG_MS);
      child.stdin.end('go\n');
      const { code, signal } = await closed;
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL' || killTimer === undefined) {
        throw new Error(`${script} ended with code ${code} and signal ${signal}: ${err}`);
      }
      // Keep complete lines only: a torn last line was still being written.
      const lines = out.split('\n');
      lines.pop();
      return lines;
    },
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * Hands out `total` children, keeping `ahead` of them started: Node and tsx take most of
 * a second to start, so the next rounds' children warm up while this round runs.
 */
export function crashChildPool(
  start: () => CrashChild,
  total: number,
  ahead = 3,
): { take(): CrashChild; killAll(): void } {
  const warm: CrashChild[] = [];
  let started = 0;
  const fill = (): void => {
    while (warm.length < ahead && started < total) {
      warm.push(start());
      started += 1;
    }
  };
  return {
    take: () => {
      fill();
      const child = warm.shift();
      if (child === undefined) throw new Error(`crashChildPool: all ${total} children taken`);
      fill();
      return child;
    },
    killAll: () => {
      for (const child of warm.splice(0)) child.kill();
    },
  };
}
