import type { Severity } from '../../core/index.ts';

/** Spoken beside each icon, so severity never rests on shape or colour alone. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

/** A small mark per severity (cross in a circle, bang in a triangle, i in a circle). */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg
      className={`sp-icon sp-icon-${severity}`}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      {severity === 'warning' ? (
        <path d="M8 1.5 15 14H1z" fill="currentColor" />
      ) : (
        <circle cx="8" cy="8" r="7" fill="currentColor" />
      )}
      {severity === 'error' && <path d="M5.5 5.5l5 5m0-5-5 5" className="sp-icon-mark" />}
      {severity === 'warning' && <path d="M8 6v3.6M8 11.7v.1" className="sp-icon-mark" />}
      {severity === 'info' && <path d="M8 7.2v4M8 4.6v.1" className="sp-icon-mark" />}
    </svg>
  );
}
