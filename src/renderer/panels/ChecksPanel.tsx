import { memo, useEffect, useId } from 'react';
import type { Finding, PreflightResult } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { ErrorNote } from './ErrorNote.tsx';
import { FinalLinks } from './FinalLinks.tsx';
import {
  countBySeverity,
  groupFindings,
  SEVERITY_ORDER,
  severityCountText,
  type SeverityCounts,
} from './groupFindings.ts';
import { SEVERITY_LABEL, SeverityIcon } from './SeverityIcon.tsx';
import { useLiveQuery } from './useLiveQuery.ts';
import { useAfterTyping } from '../state/typingPause.ts';
import './panels.css';

/** Where a finding points: the section, and the node inside its body. */
export interface JumpTarget {
  sectionId?: string;
  nodePath?: number[];
  /** The comment thread a finding is about (`comment-open`), for a jump to its anchor. */
  threadId?: string;
}

export interface ChecksPanelProps {
  api: ApiClient;
  editionId: string;
  revision: number;
  /** Moves the editor to a finding's section (and node). */
  onJump: (target: JumpTarget) => void;
  /** Told the counts after each check (null while unknown), e.g. for a tab badge. */
  onCounts?: (counts: SeverityCounts | null) => void;
  active?: boolean;
}

const GROUP_TITLE = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;

/**
 * Preflight for the edition: words and reading time, how many problems of each kind,
 * and each finding in words, grouped errors first; a finding inside a section is a
 * button that takes the editor there.
 */
export function ChecksPanel({
  api,
  editionId,
  revision,
  onJump,
  onCounts,
  active = true,
}: ChecksPanelProps) {
  const titleId = useId();
  // Checked again once typing pauses: each check costs the backend a pass over the whole
  // edition and this page a new list, and a count that changes mid-word helps nobody.
  const revisionAfterTyping = useAfterTyping(revision);
  const query = useLiveQuery(
    () => api.call('editions.check', { id: editionId }),
    editionId,
    revisionAfterTyping,
    active,
  );
  const result = query.data;

  useEffect(() => {
    onCounts?.(result ? countBySeverity(result.findings) : null);
  }, [result, onCounts]);

  return (
    <section className="sp-panel" aria-labelledby={titleId}>
      <header className="sp-panel-header">
        <h2 id={titleId} className="sp-panel-title">
          Checks
        </h2>
        <span className="sp-updating">
          {query.updating && result !== undefined ? 'Updating…' : ''}
        </span>
      </header>
      {query.error && (
        <ErrorNote message={`The checks could not run: ${query.error}`} onRetry={query.reload} />
      )}
      {result === undefined ? (
        !query.error && <p className="sp-empty">Checking the edition…</p>
      ) : (
        <div className="sp-panel-body">
          <CheckSummary result={result} />
          <FindingGroups result={result} onJump={onJump} />
          <FinalLinks
            api={api}
            editionId={editionId}
            revision={revisionAfterTyping}
            active={active}
          />
        </div>
      )}
    </section>
  );
}

// The lists re-render only for a new result: the panel itself re-renders on every
// revision of the edition, which comes often while someone types.
const CheckSummary = memo(function CheckSummary({ result }: { result: PreflightResult }) {
  const counts = countBySeverity(result.findings);
  const { words, readingMinutes } = result.stats;
  return (
    <>
      <p className="sp-stats">
        <span>
          <strong>{words.toLocaleString()}</strong> {words === 1 ? 'word' : 'words'}
        </span>
        <span aria-hidden="true"> · </span>
        <span>
          {readingMinutes < 1 ? (
            'under a minute to read'
          ) : (
            <>
              <strong>{readingMinutes.toLocaleString()}</strong> min read
            </>
          )}
        </span>
      </p>
      <ul className="sp-counts" aria-label="Findings by severity">
        {SEVERITY_ORDER.map((severity) => (
          <li key={severity} className={`sp-count sp-count-${severity}`}>
            <SeverityIcon severity={severity} />
            {severityCountText(severity, counts[severity])}
          </li>
        ))}
      </ul>
    </>
  );
});

const FindingGroups = memo(function FindingGroups({
  result,
  onJump,
}: {
  result: PreflightResult;
  onJump: (target: JumpTarget) => void;
}) {
  const groups = groupFindings(result.findings);
  const counts = countBySeverity(result.findings);
  const sectionNumber = new Map(result.stats.sections.map((s, index) => [s.sectionId, index + 1]));
  return (
    <>
      {counts.error + counts.warning === 0 && (
        <p className="sp-empty sp-empty-ok" role="status">
          <SeverityIcon severity="info" />
          No problems found. Ready to send.
        </p>
      )}
      {groups.map((group) => (
        <section key={group.severity} className="sp-group">
          <h3 className="sp-group-title">
            {GROUP_TITLE[group.severity]} ({group.findings.length})
          </h3>
          <ul className="sp-findings">
            {group.findings.map((finding, index) => (
              <li key={`${finding.code}-${index}`}>
                <FindingItem
                  finding={finding}
                  section={finding.sectionId ? sectionNumber.get(finding.sectionId) : undefined}
                  onJump={onJump}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
});

/** Messages come in lower case (they also end up in CLI lines); a list item reads as a sentence. */
function sentenceCase(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function FindingItem({
  finding,
  section,
  onJump,
}: {
  finding: Finding;
  section: number | undefined;
  onJump: (target: JumpTarget) => void;
}) {
  const body = (
    <>
      <SeverityIcon severity={finding.severity} />
      <span className="sp-finding-text">
        <span className="sr-only">{SEVERITY_LABEL[finding.severity]}: </span>
        {sentenceCase(finding.message)}
        {finding.sectionId && (
          <span className="sp-finding-where">
            {section ? `Section ${section}` : 'In a section'} · Go to it
          </span>
        )}
      </span>
    </>
  );
  const className = `sp-finding sp-finding-${finding.severity}`;
  if (!finding.sectionId) return <div className={className}>{body}</div>;
  return (
    <button
      type="button"
      className={className}
      onClick={() =>
        onJump({
          sectionId: finding.sectionId,
          nodePath: finding.nodePath,
          threadId: finding.threadId,
        })
      }
    >
      {body}
    </button>
  );
}
