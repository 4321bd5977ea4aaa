import type { BenchResult } from './types.ts';

/**
 * BENCHMARKS.md as data: a header about the run, then one `## group` section per
 * benchmark group. A filtered run replaces only its own groups' sections and keeps the
 * others, each of which still says when and where it was measured.
 */

export interface RunInfo {
  date: string;
  machine: string;
}

/** Formats a figure's value: thousands separators for big numbers, 3 significant digits for small. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

/** `met` or `missed` for targets written as `≥ N` / `≤ N` (also `>=`, `<=`); '' otherwise. */
export function targetVerdict(result: BenchResult): '' | 'met' | 'missed' {
  const match = /^\s*(≥|>=|≤|<=)\s*([\d,._]+)/.exec(result.target ?? '');
  if (match === null) return '';
  const bound = Number((match[2] ?? '').replace(/[,_]/g, ''));
  if (!Number.isFinite(bound)) return '';
  const atLeast = match[1] === '≥' || match[1] === '>=';
  return (atLeast ? result.value >= bound : result.value <= bound) ? 'met' : 'missed';
}

/** One console line for a figure. */
export function formatLine(result: BenchResult): string {
  const verdict = targetVerdict(result);
  const target =
    result.target === undefined ? '' : ` (target ${result.target}${verdict ? `: ${verdict}` : ''})`;
  const note = result.note === undefined ? '' : `  [${result.note}]`;
  return `${result.group} | ${result.figure}: ${formatValue(result.value)} ${result.unit}${target}${note}`;
}

/** The sections of an existing BENCHMARKS.md by group name, each with its heading. */
export function parseSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^(?=## )/m).slice(1);
  for (const part of parts) {
    const name = part.slice(3, part.indexOf('\n') === -1 ? undefined : part.indexOf('\n')).trim();
    if (name !== '') sections.set(name, `${part.trimEnd()}\n`);
  }
  return sections;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The markdown section of one group. */
export function renderSection(group: string, results: BenchResult[], run: RunInfo): string {
  const rows = results.map((r) => {
    const verdict = targetVerdict(r);
    const target = r.target === undefined ? '' : `${r.target}${verdict ? ` (${verdict})` : ''}`;
    return `| ${cell(r.figure)} | ${formatValue(r.value)} | ${cell(r.unit)} | ${cell(target)} | ${cell(r.note ?? '')} |`;
  });
  return [
    `## ${group}`,
    '',
    `Measured ${run.date} on ${run.machine}.`,
    '',
    '| figure | value | unit | target | note |',
    '| --- | ---: | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The whole file: header, then the new sections and the kept ones, in their old order. */
export function renderBenchmarks(
  previous: string,
  results: BenchResult[],
  run: RunInfo,
  command: string,
): string {
  const sections = parseSections(previous);
  const groups = [...new Set(results.map((r) => r.group))];
  for (const group of groups) {
    sections.set(
      group,
      renderSection(
        group,
        results.filter((r) => r.group === group),
        run,
      ),
    );
  }
  const header = [
    '# Benchmarks',
    '',
    `Written by \`${command}\`; \`npm run bench -- <filter>\` runs only the \`bench/*.bench.ts\``,
    'files whose name contains the filter and keeps the other sections as they were.',
    '',
    `- Last run: ${run.date}`,
    `- Machine: ${run.machine}`,
    '',
  ].join('\n');
  return [header, ...sections.values()].join('\n');
}
