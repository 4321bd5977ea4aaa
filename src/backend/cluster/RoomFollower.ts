import type { LogRow } from '../store/GalleyStore.ts';

/** What a RoomFollower needs from its room. */
export interface RoomFollowerDeps {
  /** Rows of the room's log above `afterSeq`, in seq order (`store.readUpdatesSince`). */
  read: (afterSeq: number) => Promise<LogRow[]>;
  /** Applies rows another hub appended to the live doc, without storing them again. */
  apply: (rows: LogRow[]) => void;
  /** A catch-up read failed; the next notification or gap tries again. */
  onError: (error: unknown) => void;
}

/**
 * Keeps one open room's doc level with the shared log when other hubs append to it.
 * `seq` is the highest row the doc is known to hold, with every row below it. Another
 * hub's notification, a gap in this hub's own seqs, or a lost bus connection all end in
 * the same read of the rows above `seq`; one read at a time, and requests made while
 * one runs are served by one more read after it. Re-reading rows this hub appended
 * itself is harmless: Yjs ignores what a doc already holds.
 */
export class RoomFollower {
  private held: number;
  private reading: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    initialSeq: number,
    private readonly deps: RoomFollowerDeps,
  ) {
    this.held = initialSeq;
  }

  /** Every row of the log up to this seq is in the doc. */
  get seq(): number {
    return this.held;
  }

  /** Another hub says the log has rows up to `seq`: read them unless the doc has them. */
  heard(seq: number): void {
    if (seq > this.held) void this.catchUp();
  }

  /**
   * This hub's own append committed as `seqs`. When they follow on from `seq` the doc
   * holds everything up to the last of them; otherwise another hub appended in between
   * and its rows are read.
   */
  appended(seqs: readonly number[]): void {
    const first = seqs[0];
    const last = seqs.at(-1);
    if (first === undefined || last === undefined || last <= this.held) return;
    if (first === this.held + 1 && this.reading === null) this.held = last;
    else void this.catchUp();
  }

  /** Reads and applies every row above `seq`; resolves once the doc holds the log as of now. */
  catchUp(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.reading !== null) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readLoop().finally(() => (this.reading = null));
    return this.reading;
  }

  /** Stops reading (the room is unloading). */
  stop(): void {
    this.stopped = true;
  }

  private async readLoop(): Promise<void> {
    do {
      this.again = false;
      let rows: LogRow[];
      try {
        rows = await this.deps.read(this.held);
      } catch (error) {
        this.deps.onError(error);
        return;
      }
      if (this.stopped) return;
      if (rows.length > 0) {
        this.deps.apply(rows);
        this.held = Math.max(this.held, rows.at(-1)!.seq);
      }
    } while (this.again && !this.stopped);
  }
}
