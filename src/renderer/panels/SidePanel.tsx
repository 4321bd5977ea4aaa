import { useCallback, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.ts';
import { ChecksPanel, type JumpTarget } from './ChecksPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import type { SeverityCounts } from './groupFindings.ts';
import { PreviewPanel } from './PreviewPanel.tsx';
import { rovingIndex } from './rovingIndex.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import './panels.css';

export const SIDE_TABS = ['preview', 'checks', 'comments', 'export', 'versions'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

const TAB_LABEL: Record<SideTab, string> = {
  preview: 'Preview',
  checks: 'Checks',
  comments: 'Comments',
  export: 'Export',
  versions: 'Versions',
};

export interface SidePanelProps {
  api: ApiClient;
  editionId: string;
  /** The edition's title (export file names). */
  title: string;
  /** Bumped by the parent on every change to the edition or its sections. */
  revision: number;
  /** Recorded as the author of versions and restores. */
  authorName: string;
  onJump: (target: JumpTarget) => void;
  tab: SideTab;
  onTabChange: (tab: SideTab) => void;
  /** Bump to focus the new version's label field (opens nothing by itself: pair it with tab). */
  versionFocusRequest?: number;
  /** The Comments tab's content (it reads the edition doc itself, not the API). */
  comments?: ReactNode;
  /** Open comment threads, for the Comments tab's badge. */
  openComments?: number;
}

/**
 * The workbench's right-hand column: Preview, Checks, Export and Versions as tabs. The
 * panels stay mounted (a half-typed version label or the preview mode survive a tab
 * switch); hidden ones stop fetching, except Checks, whose counts feed the tab's badge.
 */
export function SidePanel({
  api,
  editionId,
  title,
  revision,
  authorName,
  onJump,
  tab,
  onTabChange,
  versionFocusRequest,
  comments,
  openComments = 0,
}: SidePanelProps) {
  const ids = useId();
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const [counts, setCounts] = useState<SeverityCounts | null>(null);
  const onCounts = useCallback((next: SeverityCounts | null) => setCounts(next), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = rovingIndex(event.key, SIDE_TABS.indexOf(tab), SIDE_TABS.length);
    const target = next === null ? undefined : SIDE_TABS[next];
    if (next === null || !target) return;
    event.preventDefault();
    onTabChange(target);
    tabs.current[next]?.focus();
  };

  const tabId = (t: SideTab) => `${ids}-tab-${t}`;
  const panelId = (t: SideTab) => `${ids}-panel-${t}`;
  const problems = counts ? counts.error + counts.warning : 0;

  const panel = (t: SideTab) => {
    const active = t === tab;
    switch (t) {
      case 'preview':
        return <PreviewPanel api={api} editionId={editionId} revision={revision} active={active} />;
      case 'checks':
        return (
          <ChecksPanel
            api={api}
            editionId={editionId}
            revision={revision}
            onJump={onJump}
            onCounts={onCounts}
          />
        );
      case 'comments':
        return comments ?? null;
      case 'export':
        return (
          <ExportPanel
            api={api}
            editionId={editionId}
            revision={revision}
            title={title}
            active={active}
          />
        );
      case 'versions':
        return (
          <VersionsPanel
            api={api}
            editionId={editionId}
            revision={revision}
            authorName={authorName}
            focusRequest={versionFocusRequest}
            active={active}
          />
        );
    }
  };

  return (
    <aside className="sp-side" aria-label="Edition panels">
      <div className="sp-tabs" role="tablist" aria-label="Edition panels" onKeyDown={onKeyDown}>
        {SIDE_TABS.map((t, index) => (
          <button
            key={t}
            ref={(node) => {
              tabs.current[index] = node;
            }}
            id={tabId(t)}
            type="button"
            role="tab"
            className="sp-tab"
            aria-selected={t === tab}
            aria-controls={panelId(t)}
            tabIndex={t === tab ? 0 : -1}
            onClick={() => onTabChange(t)}
          >
            {TAB_LABEL[t]}
            {t === 'checks' && counts && problems > 0 && (
              <span
                className={counts.error > 0 ? 'sp-tab-badge sp-tab-badge-error' : 'sp-tab-badge'}
              >
                <span aria-hidden="true">{problems}</span>
                <span className="sr-only">
                  , {problems} {problems === 1 ? 'problem' : 'problems'}
                </span>
              </span>
            )}
            {t === 'comments' && openComments > 0 && (
              <span className="sp-tab-badge">
                <span aria-hidden="true">{openComments}</span>
                <span className="sr-only">, {openComments} open</span>
              </span>
            )}
          </button>
        ))}
      </div>
      {SIDE_TABS.map((t) => (
        <div
          key={t}
          id={panelId(t)}
          role="tabpanel"
          aria-labelledby={tabId(t)}
          className="sp-tabpanel"
          hidden={t !== tab}
          tabIndex={0}
        >
          {panel(t)}
        </div>
      ))}
    </aside>
  );
}
