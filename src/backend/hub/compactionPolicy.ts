/** When the hub compacts the log of a room it holds open. */
export interface CompactionPolicy {
  /** A log with more rows than this is compacted. */
  maxRows: number;
  /** ...and so is one that grew by more than this many bytes since its last compaction. */
  maxTailBytes: number;
  /** Least time between two compactions of one room. */
  minIntervalMs: number;
  /** A due compaction waits until the room had no append for this long... */
  quietMs: number;
  /** ...but not longer than this after it became due. */
  maxWaitMs: number;
}

/**
 * 500 rows: each row costs a cold load 5-7 µs of Yjs work (500-716 ms for 100,000 rows
 * in bench/store.bench.ts), so a log that never passes 500 rows adds a few ms at most to
 * the load of any room, and it matches the store's own compact-at-load threshold. A
 * compaction re-encodes the whole document (7 ms for a 100,000-character doc, under 2 ms
 * for 10,000; a median turn of 10 ms in the bench on a loaded machine), so compacting
 * much more often would put that stall on the event loop too often; 500 keystrokes are
 * a minute or two of one person typing. 1 MiB of tail: pastes and images are few rows
 * but many bytes, and a paste deleted again is only a tombstone in the compacted state,
 * so the file must not keep it. At most once a second per room, preferably in a 20 ms
 * pause of the room's typing.
 */
export const DEFAULT_COMPACTION: CompactionPolicy = {
  maxRows: 500,
  maxTailBytes: 1024 * 1024,
  minIntervalMs: 1000,
  quietMs: 20,
  maxWaitMs: 1000,
};
