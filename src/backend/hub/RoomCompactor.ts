import * as Y from 'yjs';
import type { CompactionPolicy } from './compactionPolicy.ts';
import type { HubLogEntry, HubStore } from './options.ts';

/** The log of one open room, as its hub knows it. */
export interface RoomLogStats {
  rows: number;
  /** Sum of the rows' sizes (V1 updates). */
  bytes: number;
  /** Background compactions of this room since it was loaded. */
  compactions: number;
}

/** Where the room's log stood when it was loaded. */
export interface LoadedLogPosition {
  seq: number;
  rows: number;
  bytes: number;
}

export interface RoomCompactorDeps {
  store: HubStore;
  policy: CompactionPolicy;
  log: (entry: HubLogEntry) => void;
  /** Told each time the log grows, so the hub can keep the longest one it saw. */
  onGrow: (room: string, rows: number, bytes: number) => void;
}

/**
 * Keeps an open room's log short. The hub appends an update only after its live doc
 * applied it, so the doc holds every row this hub appended; while the seqs it gets
 * back follow on from the loaded log without a gap, every row up to the last of them is
 * in the doc, and `Y.encodeStateAsUpdate(doc)` can replace them without reading the log
 * again. Rows appended later have higher seqs and are kept by the same transaction.
 * A gap means another writer (the CLI on the same file) appended rows the doc lacks:
 * from then on the room is compacted from the log itself, which includes them.
 */
export class RoomCompactor {
  /** Every row of the log up to this seq is in the doc. */
  private covered: number;
  /** Another writer appended to this room since it was loaded. */
  private shared = false;
  private rows: number;
  private bytes: number;
  private tailBytes = 0;
  private compactions = 0;
  private lastAppendAt = 0;
  private lastCompactionAt = -Infinity;
  private dueSince = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The compaction being written, if any: one at a time per room. */
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly room: string,
    private readonly doc: Y.Doc,
    loaded: LoadedLogPosition,
    private readonly deps: RoomCompactorDeps,
  ) {
    this.covered = loaded.seq;
    this.rows = loaded.rows;
    this.bytes = loaded.bytes;
    deps.onGrow(room, this.rows, this.bytes);
    if (this.isDue()) this.schedule();
  }

  /** The log as this hub knows it (another writer's rows count once a compaction saw them). */
  stats(): RoomLogStats {
    return { rows: this.rows, bytes: this.bytes, compactions: this.compactions };
  }

  /**
   * Records appended (committed) rows; called after the append and relay, so all it adds
   * to a keystroke is bookkeeping. Schedules a compaction once the log is past the policy.
   */
  appended(seqs: readonly number[], bytes: number): void {
    const first = seqs[0];
    const last = seqs.at(-1);
    if (this.stopped || first === undefined || last === undefined) return;
    if (this.shared) {
      // Stays shared: the doc lacks the other writer's rows for as long as it is loaded.
    } else if (first === this.covered + 1) {
      this.covered = last;
    } else {
      this.shared = true;
      this.deps.log({
        level: 'warn',
        room: this.room,
        msg: `another process wrote to this room's log (seq ${this.covered + 1} to ${first - 1}); compacting it from the log from now on`,
      });
    }
    this.rows += seqs.length;
    this.bytes += bytes;
    this.tailBytes += bytes;
    this.lastAppendAt = performance.now();
    this.deps.onGrow(this.room, this.rows, this.bytes);
    if (this.timer === undefined && this.isDue()) this.schedule();
  }

  /** Cancels any scheduled compaction; the room is going (or failed) and its doc with it. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Resolves once no compaction is being written (the room waits for it before closing). */
  async idle(): Promise<void> {
    await this.running;
  }

  private isDue(): boolean {
    return this.rows > this.deps.policy.maxRows || this.tailBytes > this.deps.policy.maxTailBytes;
  }

  private schedule(): void {
    const { quietMs, minIntervalMs } = this.deps.policy;
    const now = performance.now();
    if (this.dueSince === 0) this.dueSince = now;
    const wait = Math.max(quietMs, this.lastCompactionAt + minIntervalMs - now);
    // A timer, never a call from here: this runs inside the append's turn, and the
    // keystroke that got us here must reach the other editors first.
    this.timer = setTimeout(this.run, wait);
    this.timer.unref();
  }

  private readonly run = (): void => {
    this.timer = undefined;
    // One compaction at a time: the one running schedules the next when it ends.
    if (this.stopped || this.running !== null) return;
    const { quietMs, maxWaitMs } = this.deps.policy;
    const now = performance.now();
    if (now - this.lastAppendAt < quietMs && now - this.dueSince < maxWaitMs) {
      this.timer = setTimeout(this.run, quietMs);
      this.timer.unref();
      return;
    }
    this.running = this.compact(now).finally(() => {
      this.running = null;
      // Appends that came while it was written may have made the next one due.
      if (!this.stopped && this.timer === undefined && this.isDue()) this.schedule();
    });
  };

  private async compact(now: number): Promise<void> {
    this.lastCompactionAt = now;
    this.dueSince = 0;
    // The state is taken now, in one synchronous step: every row up to `covered` is in
    // the doc at this moment, and rows appended while the store works have higher seqs.
    const covered = this.covered;
    const state = this.shared || covered === 0 ? null : Y.encodeStateAsUpdate(this.doc);
    const tailBefore = this.tailBytes;
    try {
      const result = this.shared
        ? await this.deps.store.compactRoom(this.room)
        : state !== null
          ? await this.deps.store.compactTo(this.room, covered, state)
          : null;
      // What was appended while the compaction was written stays in the tail.
      this.tailBytes = Math.max(0, this.tailBytes - tailBefore);
      if (result !== null && result.rowsBefore > 0) this.compactions += 1;
      // Counted again rather than worked out: another writer's rows are in it too.
      const stats = await this.deps.store.logStats(this.room);
      this.rows = stats.rows;
      this.bytes = stats.bytes;
    } catch (error) {
      // Compaction only saves space and time; the log is intact (one transaction), and
      // the next append past the interval tries again. A busy file or a full disk must
      // not take the room down with it.
      this.deps.log({
        level: 'warn',
        room: this.room,
        msg: `could not compact the log: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}
