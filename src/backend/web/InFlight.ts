/**
 * Counts work in progress (API requests, writes) so a graceful drain can wait for it
 * to finish before the store closes.
 */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** Runs `work`, counted until it settles; resolves or rejects like it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.count++;
    return work.finally(() => {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** How much is in progress now. */
  get size(): number {
    return this.count;
  }

  /** Resolves once nothing is in progress, or after `timeoutMs` (a stuck request must not block exit). */
  idle(timeoutMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
