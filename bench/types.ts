/**
 * What a benchmark module reports. Each `bench/*.bench.ts` exports
 * `run(report?): Promise<BenchResult[]>`; the harness (`bench/run.ts`) prints the
 * figures and writes them to BENCHMARKS.md, one table per group.
 */

export interface BenchResult {
  /** The BENCHMARKS.md section the figure belongs to, e.g. `store`. */
  group: string;
  /** What was measured, in words a reader understands without the code. */
  figure: string;
  value: number;
  /** `updates/s`, `ms`, `bytes/byte`... */
  unit: string;
  /** The goal, e.g. `≥ 20000` or `≤ 150`; the harness marks it met or missed. */
  target?: string;
  /** How it was measured, caveats, encodings. */
  note?: string;
}

/** Called with each figure as soon as it is measured, so a long run shows progress. */
export type BenchReport = (result: BenchResult) => void;

/** The shape of a benchmark module. */
export interface BenchModule {
  run(report?: BenchReport): Promise<BenchResult[]>;
}
