/** Messages a connection may send: a sustained rate and a burst on top of it. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * A token bucket: it starts full (`burst` tokens), refills at `perSecond`, and each
 * message takes one token. A burst lets an editor paste or reconnect with a backlog
 * without being cut off; the rate stops a client from flooding the room.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty (the message is over the limit). */
  take(): boolean {
    const now = this.now();
    const refill = ((now - this.last) / 1000) * this.limit.perSecond;
    this.tokens = Math.min(this.limit.burst, this.tokens + refill);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
