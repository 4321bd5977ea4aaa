/**
 * The benchmark harness: `npm run bench [-- filter]`. Runs every `bench/*.bench.ts`
 * (or those whose file name contains the filter) one after another, prints each figure
 * as it is measured and rewrites BENCHMARKS.md at the repository root.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatLine, renderBenchmarks, type RunInfo } from './benchmarksFile.ts';
import type { BenchModule, BenchResult } from './types.ts';

const BENCH_DIR = import.meta.dirname;
const OUTPUT = path.resolve(BENCH_DIR, '..', 'BENCHMARKS.md');

function isBenchModule(value: unknown): value is BenchModule {
  return (
    typeof value === 'object' && value !== null && 'run' in value && typeof value.run === 'function'
  );
}

function machine(): string {
  const cpus = os.cpus();
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  // The load average tells a reader whether other work shared the machine during the run.
  const load = os.loadavg()[0] ?? 0;
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${memory} GiB memory, Node ${process.version}, ${process.platform} ${process.arch}, load average ${load.toFixed(1)} at start`;
}

/** Runs the selected benchmark files and rewrites BENCHMARKS.md. */
async function main(filter: string): Promise<void> {
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
    .sort();
  if (files.length === 0) {
    console.error(`No bench/*.bench.ts file name contains "${filter}".`);
    process.exitCode = 1;
    return;
  }
  const run: RunInfo = { date: new Date().toISOString(), machine: machine() };
  console.log(`Benchmarks on ${run.machine}\n`);
  const results: BenchResult[] = [];
  for (const name of files) {
    console.log(`${name}:`);
    const module: unknown = await import(pathToFileURL(path.join(BENCH_DIR, name)).href);
    if (!isBenchModule(module)) throw new Error(`bench/${name} does not export run()`);
    const printed = new Set<BenchResult>();
    const returned = await module.run((result) => {
      printed.add(result);
      console.log(`  ${formatLine(result)}`);
    });
    for (const result of returned) if (!printed.has(result)) console.log(`  ${formatLine(result)}`);
    results.push(...returned);
  }
  const previous = fs.existsSync(OUTPUT) ? fs.readFileSync(OUTPUT, 'utf8') : '';
  fs.writeFileSync(OUTPUT, renderBenchmarks(previous, results, run, 'npm run bench'));
  console.log(`\nWrote ${path.relative(process.cwd(), OUTPUT) || OUTPUT}.`);
}

await main(process.argv[2] ?? '');
