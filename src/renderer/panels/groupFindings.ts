import type { Finding, Severity } from '../../core/index.ts';

/** Most serious first: the order the panel lists groups in. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number>;

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Findings by severity, errors first, keeping reading order within a group; no empty groups. */
export function groupFindings(
  findings: readonly Finding[],
): Array<{ severity: Severity; findings: Finding[] }> {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity),
  })).filter((group) => group.findings.length > 0);
}

/** "2 errors", "1 warning", "3 notes": a count with its noun. */
export function severityCountText(severity: Severity, count: number): string {
  const noun = { error: 'error', warning: 'warning', info: 'note' }[severity];
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
