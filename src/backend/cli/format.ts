import {
  bodyText,
  countWords,
  sectionText,
  type ApiOutputs,
  type EditionSummary,
} from '../../core/index.ts';

/** Editions as an aligned table for a terminal. */
export function formatSummaries(list: EditionSummary[]): string {
  if (list.length === 0) return 'No editions yet. Create one with: galley new --title "Issue 1"';
  const rows = list.map((e) => [
    e.id,
    e.number === null ? '' : `#${e.number}`,
    e.status + (e.deletedAt ? ' (deleted)' : ''),
    e.publishDate ?? '',
    `${e.wordCount} words`,
    e.sentAt === null ? '' : `sent ${sentTime(e.sentAt)}`,
    e.title || '(untitled)',
  ]);
  return table([['ID', 'NO.', 'STATUS', 'DATE', 'LENGTH', 'SENT', 'TITLE'], ...rows]);
}

// UTC, to the minute: the same on every machine a library is opened on.
function sentTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** One edition: its fields, then its sections in reading order. */
export function formatEdition({ summary, edition }: ApiOutputs['editions.get']): string {
  const lines = [
    `${edition.title || '(untitled)'}${edition.number === null ? '' : `  #${edition.number}`}`,
    `id ${edition.id} · ${edition.status} · ${edition.publishDate ?? 'no date'} · ${summary.wordCount} words`,
    `Subject:   ${edition.subject}`,
    `Preheader: ${edition.preheader}`,
    '',
    table([
      ['#', 'KIND', 'STATUS', 'ASSIGNEE', 'WORDS', 'TITLE'],
      ...edition.sections.map((s, i) => [
        String(i + 1),
        s.kind,
        s.status,
        s.assignee,
        String(countWords(sectionText(s))),
        s.title || '(untitled)',
      ]),
    ]),
  ];
  const first = edition.sections[0];
  if (first) lines.push('', `${first.title}:`, indent(clip(bodyText(first.body), 400)));
  return lines.join('\n');
}

/** Search hits with their snippets. */
export function formatSearchHits(hits: ApiOutputs['editions.search']): string {
  if (hits.length === 0) return 'No matches.';
  return hits.map((h) => `${h.editionId}  ${h.title}\n${indent(h.snippet)}`).join('\n');
}

/** Versions as a table. */
export function formatVersions(list: ApiOutputs['versions.list']): string {
  if (list.length === 0)
    return 'No versions yet. Save one with: galley version <id> --label "Before review"';
  return table([
    ['ID', 'SAVED', 'BY', 'LABEL'],
    ...list.map((v) => [v.id, v.createdAt, v.author || '-', v.label + (v.auto ? ' (auto)' : '')]),
  ]);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Preflight findings, worst first, then the word counts. */
export function formatFindings({ findings, stats }: ApiOutputs['editions.check']): string {
  const mark = { error: 'ERROR', warning: 'warn ', info: 'info ' } as const;
  const lines = findings.map(
    (f) => `${mark[f.severity]}  ${f.message}${f.sectionId ? `  [section ${f.sectionId}]` : ''}`,
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  // Review left to do, counted by code (suggestion-open comes from suggesting mode).
  const count = (code: string) => findings.filter((f) => f.code === code).length;
  lines.push(
    '',
    `${errors} error(s), ${warnings} warning(s) · ${stats.words} words · about ${Math.max(1, Math.round(stats.readingMinutes))} min to read`,
    `${count('comment-open')} open comment thread(s) · ${count('suggestion-open')} open suggestion(s)`,
  );
  return lines.join('\n');
}
