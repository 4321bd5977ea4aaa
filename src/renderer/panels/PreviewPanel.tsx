import { memo, useId, useMemo, useState } from 'react';
import {
  EMAIL_SIZE_LIMIT_BYTES,
  EMAIL_SIZE_WARNING_BYTES,
  utf8ByteLength,
} from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { EmailFrame } from './EmailFrame.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { formatBytes } from './formatBytes.ts';
import { forceDarkScheme } from './previewHtml.ts';
import { SegmentedControl, type Segment } from './SegmentedControl.tsx';
import { useLiveQuery } from './useLiveQuery.ts';
import { useAfterTyping, useValueAfterTyping } from '../state/typingPause.ts';
import './panels.css';

export type PreviewMode = 'desktop' | 'mobile' | 'dark' | 'markdown';

const MODES: readonly Segment<PreviewMode>[] = [
  { value: 'desktop', label: 'Desktop' },
  { value: 'mobile', label: 'Mobile' },
  { value: 'dark', label: 'Dark' },
  { value: 'markdown', label: 'Markdown' },
];

const WIDTH: Record<Exclude<PreviewMode, 'markdown'>, number> = {
  desktop: 600,
  mobile: 375,
  dark: 600,
};

export interface PreviewPanelProps {
  api: ApiClient;
  editionId: string;
  /** Bumped by the parent on every change to the edition or its sections. */
  revision: number;
  /** False while the panel is hidden: it stops asking and catches up when shown. */
  active?: boolean;
  initialMode?: PreviewMode;
}

/**
 * The edition as it will be sent, from the core exporters: email at desktop and phone
 * width, email as a dark-mode client shows it, and the Markdown export. Follows edits
 * (debounced) and keeps showing the last rendering while the next one is made.
 */
export function PreviewPanel({
  api,
  editionId,
  revision,
  active = true,
  initialMode = 'desktop',
}: PreviewPanelProps) {
  const titleId = useId();
  const [mode, setMode] = useState<PreviewMode>(initialMode);
  const format = mode === 'markdown' ? 'markdown' : 'email';
  // Rendering the email costs the backend a full export: ask again once typing pauses,
  // since the frame would not take the answer before then anyway.
  const revisionAfterTyping = useAfterTyping(revision);
  const query = useLiveQuery(
    () => api.call('export.render', { id: editionId, format }),
    `${editionId}:${format}`,
    revisionAfterTyping,
    active,
  );
  // A new email replaces the frame's whole document, which is parsed and laid out on this
  // page's main thread: take it when typing pauses, not between two keystrokes. A first
  // rendering, or one in another format, is shown at once.
  const latest = useMemo<Rendering | undefined>(
    () => (query.data === undefined ? undefined : { format, content: query.data.content }),
    [query.data, format],
  );
  const shown = useValueAfterTyping(latest, showAtOnce);
  const content = shown?.content;

  return (
    <section className="sp-panel sp-preview" aria-labelledby={titleId}>
      <header className="sp-panel-header">
        <h2 id={titleId} className="sp-panel-title">
          Preview
        </h2>
        <span className="sp-updating" aria-hidden={!query.updating && shown === latest}>
          {(query.updating || shown !== latest) && content !== undefined ? 'Updating…' : ''}
        </span>
        <SegmentedControl label="Preview mode" options={MODES} value={mode} onChange={setMode} />
      </header>
      {query.error && (
        <ErrorNote
          message={`The preview could not be made: ${query.error}`}
          onRetry={query.reload}
        />
      )}
      {content === undefined ? (
        !query.error && <p className="sp-empty">Rendering the preview…</p>
      ) : mode === 'markdown' ? (
        <pre className="sp-markdown" tabIndex={0} aria-label="Markdown preview">
          {content}
        </pre>
      ) : (
        <EmailPreview html={content} mode={mode} />
      )}
    </section>
  );
}

interface Rendering {
  format: 'email' | 'markdown';
  content: string;
}

// Nothing to replace yet, another format asked for, or the same text again: no reason to wait.
function showAtOnce(shown: Rendering | undefined, next: Rendering | undefined): boolean {
  return (
    shown === undefined ||
    next === undefined ||
    shown.format !== next.format ||
    shown.content === next.content
  );
}

// Re-rendered only for new HTML or another mode, not on each revision the panel sees.
const EmailPreview = memo(function EmailPreview({
  html,
  mode,
}: {
  html: string;
  mode: Exclude<PreviewMode, 'markdown'>;
}) {
  const bytes = useMemo(() => utf8ByteLength(html), [html]);
  const shown = useMemo(() => (mode === 'dark' ? forceDarkScheme(html) : html), [html, mode]);
  return (
    <>
      <p className="sp-meta">
        <span>{WIDTH[mode]} px wide</span>
        <span aria-hidden="true"> · </span>
        <span>{formatBytes(bytes)}</span>
      </p>
      {bytes >= EMAIL_SIZE_LIMIT_BYTES ? (
        <p className="sp-note sp-note-error" role="note">
          This email is {formatBytes(bytes)}. Gmail clips messages over{' '}
          {formatBytes(EMAIL_SIZE_LIMIT_BYTES)} and hides the rest behind “View entire message”.
          Shorten it or move content to the web.
        </p>
      ) : (
        bytes >= EMAIL_SIZE_WARNING_BYTES && (
          <p className="sp-note sp-note-warning" role="note">
            This email is {formatBytes(bytes)}, close to Gmail’s{' '}
            {formatBytes(EMAIL_SIZE_LIMIT_BYTES)} clip limit; the sending service adds more.
          </p>
        )
      )}
      <div className="sp-preview-body" tabIndex={0} aria-label="Email preview, scrollable">
        <EmailFrame html={shown} width={WIDTH[mode]} title="Email preview" dark={mode === 'dark'} />
      </div>
    </>
  );
});
