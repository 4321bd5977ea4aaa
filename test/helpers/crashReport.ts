import fs from 'node:fs';

/**
 * For crash-test children: puts the line into the stdout pipe before returning, so that
 * a SIGKILL can only lose what the child does after it. Not process.stdout.write: when
 * the parent reads slowly it queues the line in this process's memory, where the kill
 * would take it with it.
 */
export function crashReport(line: string): void {
  const bytes = Buffer.from(line);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += fs.writeSync(1, bytes, written);
    } catch (error) {
      // The pipe is non-blocking and full: wait for the parent to drain it.
      if (!(error instanceof Error && 'code' in error && error.code === 'EAGAIN')) throw error;
    }
  }
}
