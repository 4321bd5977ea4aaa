import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { VersionInfo } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { EmailFrame } from './EmailFrame.tsx';
import { CompareView } from './CompareView.tsx';
import { ErrorNote } from './ErrorNote.tsx';
import { PanelSheet } from './PanelSheet.tsx';
import { errorText } from '../api/errorText.ts';
import { absoluteTime, relativeTime } from '../state/relativeTime.ts';
import { useLiveQuery } from './useLiveQuery.ts';
import './panels.css';

export interface VersionsPanelProps {
  api: ApiClient;
  editionId: string;
  revision: number;
  /** Recorded as the author of versions saved and restores made here. */
  authorName: string;
  /** Focuses the label field whenever it changes (the menu's "Save version…"). */
  focusRequest?: number;
  active?: boolean;
}

interface Previewing {
  version: VersionInfo;
  email?: string;
  error?: string;
}

/** Newest first; ids break ties so two versions saved in one second keep one order. */
function newestFirst(versions: readonly VersionInfo[]): VersionInfo[] {
  return [...versions].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
}

/**
 * Named snapshots of the whole edition: save one before a big change, look at any of
 * them as the email it was, and restore one; a restore first saves the current state, so
 * it never loses anything.
 */
export function VersionsPanel({
  api,
  editionId,
  revision,
  authorName,
  focusRequest,
  active = true,
}: VersionsPanelProps) {
  const ids = useId();
  const labelInput = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState('');
  const [labelProblem, setLabelProblem] = useState('');
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState('');
  const [failure, setFailure] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [previewing, setPreviewing] = useState<Previewing | null>(null);
  const [comparing, setComparing] = useState<string | null>(null);
  const previewOpener = useRef<HTMLButtonElement | null>(null);

  const list = useLiveQuery(
    () => api.call('versions.list', { editionId }),
    editionId,
    revision,
    active,
  );

  useEffect(() => {
    if (focusRequest) labelInput.current?.focus();
  }, [focusRequest]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setLabelProblem('Give the version a label, e.g. “Before the new intro”.');
      labelInput.current?.focus();
      return;
    }
    setSaving(true);
    setDone('');
    setFailure('');
    try {
      const version = await api.call('versions.create', {
        editionId,
        label: trimmed,
        author: authorName,
      });
      setLabel('');
      setDone(`Saved “${version.label}”.`);
      list.reload();
    } catch (error) {
      setFailure(`The version could not be saved: ${errorText(error)}`);
    } finally {
      setSaving(false);
    }
  };

  const restore = async (version: VersionInfo) => {
    setRestoring(true);
    setDone('');
    setFailure('');
    try {
      await api.call('versions.restore', {
        editionId,
        versionId: version.id,
        author: authorName,
      });
      setConfirming(null);
      setDone(`Restored “${version.label}”. The state before was saved as a version.`);
      list.reload();
    } catch (error) {
      setFailure(`“${version.label}” could not be restored: ${errorText(error)}`);
    } finally {
      setRestoring(false);
    }
  };

  const openPreview = async (version: VersionInfo, opener: HTMLButtonElement) => {
    previewOpener.current = opener;
    setPreviewing({ version });
    try {
      const { email } = await api.call('versions.get', { editionId, versionId: version.id });
      setPreviewing((p) => (p?.version.id === version.id ? { version, email } : p));
    } catch (error) {
      setPreviewing((p) =>
        p?.version.id === version.id ? { version, error: errorText(error) } : p,
      );
    }
  };

  const closePreview = () => {
    setPreviewing(null);
    previewOpener.current?.focus();
  };

  const versions = list.data ? newestFirst(list.data) : undefined;
  const labelId = `${ids}-label`;
  const problemId = `${ids}-problem`;

  return (
    <section className="sp-panel" aria-labelledby={`${ids}-title`}>
      <header className="sp-panel-header">
        <h2 id={`${ids}-title`} className="sp-panel-title">
          Versions
        </h2>
      </header>
      <div className="sp-panel-body">
        <form className="sp-version-form" onSubmit={save} noValidate>
          <label htmlFor={labelId} className="sp-label">
            Label for a new version
          </label>
          <div className="sp-row">
            <input
              id={labelId}
              ref={labelInput}
              className="input sp-grow"
              value={label}
              maxLength={200}
              required
              aria-required="true"
              aria-invalid={labelProblem ? true : undefined}
              aria-describedby={labelProblem ? problemId : undefined}
              placeholder="Before the new intro"
              onChange={(e) => {
                setLabel(e.target.value);
                if (labelProblem) setLabelProblem('');
              }}
            />
            <button type="submit" className="btn primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save version'}
            </button>
          </div>
          {labelProblem && (
            <p id={problemId} className="sp-field-problem">
              {labelProblem}
            </p>
          )}
        </form>
        <p className="sp-done" role="status" aria-live="polite">
          {done}
        </p>
        {failure && <ErrorNote message={failure} />}
        {previewing && <VersionPreview previewing={previewing} onClose={closePreview} />}
        {comparing && versions && (
          <CompareView
            key={comparing}
            api={api}
            editionId={editionId}
            versions={versions}
            initialFrom={comparing}
            onClose={() => setComparing(null)}
          />
        )}
        {list.error && (
          <ErrorNote
            message={`The versions could not be listed: ${list.error}`}
            onRetry={list.reload}
          />
        )}
        {versions === undefined ? (
          !list.error && <p className="sp-empty">Reading the versions…</p>
        ) : versions.length === 0 ? (
          <p className="sp-empty">
            No versions yet. Save one before big changes; restoring never loses history.
          </p>
        ) : (
          <ol className="sp-versions" aria-label="Saved versions, newest first">
            {versions.map((version) => (
              <VersionItem
                key={version.id}
                version={version}
                confirming={confirming === version.id}
                restoring={restoring}
                onPreview={(opener) => void openPreview(version, opener)}
                onAskRestore={() => setConfirming(version.id)}
                onCancelRestore={() => setConfirming(null)}
                onRestore={() => void restore(version)}
                onCompare={() => setComparing(version.id)}
              />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function VersionItem({
  version,
  confirming,
  restoring,
  onPreview,
  onAskRestore,
  onCancelRestore,
  onRestore,
  onCompare,
}: {
  version: VersionInfo;
  confirming: boolean;
  restoring: boolean;
  onPreview: (opener: HTMLButtonElement) => void;
  onAskRestore: () => void;
  onCancelRestore: () => void;
  onRestore: () => void;
  onCompare: () => void;
}) {
  const restoreButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the question: to "Restore now" when asked, back to "Restore" after.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) restoreButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const created = new Date(version.createdAt);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && confirming) {
      event.stopPropagation();
      onCancelRestore();
    }
  };

  return (
    <li className="sp-version" onKeyDown={onKeyDown}>
      <div className="sp-version-head">
        <span className="sp-version-label">{version.label}</span>
        {version.auto && (
          <span className="sp-badge" title="Saved automatically">
            auto
          </span>
        )}
      </div>
      <p className="sp-version-meta">
        {version.author ? `${version.author} · ` : ''}
        <time dateTime={version.createdAt} title={absoluteTime(created)}>
          {relativeTime(created, new Date())}
        </time>
        <span aria-hidden="true"> · </span>
        <span>{absoluteTime(created)}</span>
      </p>
      {confirming ? (
        <div className="sp-confirm" role="group" aria-label={`Restore “${version.label}”?`}>
          <p>
            Restore “{version.label}”? The edition goes back to this version for everyone; the
            current state is saved as a version first.
          </p>
          <div className="sp-row">
            <button
              ref={confirmButton}
              type="button"
              className="btn primary"
              disabled={restoring}
              onClick={onRestore}
            >
              {restoring ? 'Restoring…' : 'Restore now'}
            </button>
            <button type="button" className="btn" disabled={restoring} onClick={onCancelRestore}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="sp-row">
          <button
            type="button"
            className="btn small"
            aria-label={`Preview “${version.label}”`}
            onClick={(e) => onPreview(e.currentTarget)}
          >
            Preview
          </button>
          <button
            type="button"
            className="btn small"
            aria-label={`Compare “${version.label}” with now`}
            onClick={onCompare}
          >
            Compare
          </button>
          <button
            ref={restoreButton}
            type="button"
            className="btn small"
            aria-label={`Restore “${version.label}”`}
            onClick={onAskRestore}
          >
            Restore
          </button>
        </div>
      )}
    </li>
  );
}

function VersionPreview({ previewing, onClose }: { previewing: Previewing; onClose: () => void }) {
  const { version, email, error } = previewing;
  return (
    <PanelSheet title={<>Preview of “{version.label}”</>} onClose={onClose}>
      {error ? (
        <ErrorNote message={`This version could not be shown: ${error}`} />
      ) : email === undefined ? (
        <p className="sp-empty">Rendering the version…</p>
      ) : (
        <div className="sp-version-frame" tabIndex={0} aria-label="Version preview, scrollable">
          <EmailFrame html={email} width={600} title={`Email preview of “${version.label}”`} />
        </div>
      )}
    </PanelSheet>
  );
}
