import { describe, expect, it } from 'vitest';
import type { Finding } from '../../core/index.ts';
import { countBySeverity, groupFindings, severityCountText } from './groupFindings.ts';

const finding = (severity: Finding['severity'], code: string): Finding => ({
  severity,
  code,
  message: code,
});

describe('groupFindings', () => {
  const findings = [
    finding('info', 'link-phone'),
    finding('warning', 'link-placeholder'),
    finding('error', 'subject-missing'),
    finding('warning', 'image-missing-alt'),
  ];

  it('puts errors first and keeps order within a group, without empty groups', () => {
    expect(groupFindings(findings).map((g) => [g.severity, g.findings.map((f) => f.code)])).toEqual(
      [
        ['error', ['subject-missing']],
        ['warning', ['link-placeholder', 'image-missing-alt']],
        ['info', ['link-phone']],
      ],
    );
    expect(groupFindings([finding('warning', 'w')]).map((g) => g.severity)).toEqual(['warning']);
    expect(groupFindings([])).toEqual([]);
  });

  it('counts by severity', () => {
    expect(countBySeverity(findings)).toEqual({ error: 1, warning: 2, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('words counts with their noun', () => {
    expect(severityCountText('error', 1)).toBe('1 error');
    expect(severityCountText('warning', 0)).toBe('0 warnings');
    expect(severityCountText('info', 3)).toBe('3 notes');
  });
});
