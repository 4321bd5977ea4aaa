import { useEffect, useState, type RefObject } from 'react';
import {
  EDITION_STATUSES,
  type EditionStatus,
  type EditionSummary,
  type SearchHit,
  type ShellCommand,
} from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { CopyIcon, TrashIcon } from '../components/icons.tsx';
import { useToasts } from '../components/Toasts.tsx';
import { wordsLabel } from '../state/format.ts';
import { relativeTime } from '../state/relativeTime.ts';
import { NewEditionDialog } from './NewEditionDialog.tsx';

interface LibraryProps {
  api: ApiClient;
  editions: EditionSummary[] | null;
  selectedId: string | null;
  statusFilter: EditionStatus | 'all';
  onStatusFilter: (status: EditionStatus | 'all') => void;
  onOpen: (id: string) => void;
  onChanged: () => Promise<EditionSummary[] | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  command: { n: number; command: ShellCommand } | null;
}

/** The editions list with search, a status filter, and new, duplicate and delete. */
export function Library(props: LibraryProps) {
  const { api, editions } = props;
  const toasts = useToasts();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  useEffect(() => {
    if (props.command?.command.type === 'new-edition') setCreating(true);
  }, [props.command]);

  useEffect(() => {
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      api.call('editions.search', { query, limit: 50 }).then(
        (found) => !stale && setHits(found),
        (error: unknown) => toasts.error('Search failed', error),
      );
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, query, toasts]);

  const remove = async (summary: EditionSummary) => {
    setConfirmDelete(null);
    try {
      await api.call('editions.delete', { id: summary.id });
      await props.onChanged();
      toasts.show({
        level: 'info',
        text: `Deleted “${summary.title}”.`,
        action: {
          label: 'Undo',
          run: () =>
            void api
              .call('editions.delete', { id: summary.id, deleted: false })
              .then(() => props.onChanged())
              .catch((error: unknown) => toasts.error('Could not restore the edition', error)),
        },
      });
    } catch (error) {
      toasts.error('Could not delete the edition', error);
    }
  };

  const duplicate = async (summary: EditionSummary) => {
    try {
      const copy = await api.call('editions.duplicate', { id: summary.id });
      await props.onChanged();
      props.onOpen(copy.id);
    } catch (error) {
      toasts.error('Could not duplicate the edition', error);
    }
  };

  const hitEditions = hits && groupHits(hits);

  return (
    <nav className="library" aria-label="Library">
      <div className="library-head">
        <h2>Editions</h2>
        <button
          className="btn primary small"
          onClick={() => setCreating(true)}
          title="New edition (Ctrl+Alt+N)"
        >
          + New
        </button>
      </div>
      <input
        ref={props.searchRef}
        className="input"
        type="search"
        placeholder="Search all editions"
        aria-label="Search all editions"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
      />
      <label className="field">
        Status
        <select
          value={props.statusFilter}
          onChange={(e) => props.onStatusFilter(e.target.value as EditionStatus | 'all')}
        >
          <option value="all">All statuses</option>
          {EDITION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status[0]!.toUpperCase() + status.slice(1)}
            </option>
          ))}
        </select>
      </label>

      {hitEditions ? (
        <section aria-label="Search results" className="search-results">
          {hitEditions.length === 0 ? (
            <p className="muted empty">No edition mentions “{query}”.</p>
          ) : (
            <ul className="edition-list">
              {hitEditions.map(([editionId, group]) => (
                <li key={editionId}>
                  <button className="edition-row" onClick={() => props.onOpen(editionId)}>
                    <span className="edition-title">{group[0]!.title}</span>
                    {group.slice(0, 2).map((hit, i) => (
                      <span key={i} className="snippet muted">
                        {markedSnippet(hit.snippet)}
                      </span>
                    ))}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : editions === null ? null : editions.length === 0 ? (
        <p className="muted empty">
          {props.statusFilter === 'all'
            ? 'No editions yet. Press “+ New” to start one.'
            : `No editions are “${props.statusFilter}”.`}
        </p>
      ) : (
        <ul className="edition-list" aria-label="Editions">
          {editions.map((summary) => (
            <li
              key={summary.id}
              className={summary.id === props.selectedId ? 'selected' : undefined}
            >
              <button
                className="edition-row"
                aria-current={summary.id === props.selectedId ? 'page' : undefined}
                onClick={() => props.onOpen(summary.id)}
              >
                <span className="edition-title">
                  {summary.number !== null && <span className="muted">#{summary.number} </span>}
                  {summary.title || 'Untitled edition'}
                </span>
                <span className="edition-meta muted">
                  <span
                    className={`badge status-${summary.status}`}
                    title={
                      summary.sentAt
                        ? `Sent ${new Date(summary.sentAt).toLocaleString()}`
                        : undefined
                    }
                  >
                    {summary.sentAt && summary.status === 'sent'
                      ? `sent ${new Date(summary.sentAt).toLocaleDateString()}`
                      : summary.status}
                  </span>
                  {wordsLabel(summary.wordCount)} ·{' '}
                  {relativeTime(new Date(summary.updatedAt), new Date())}
                </span>
              </button>
              {confirmDelete === summary.id ? (
                <div className="row-actions confirm" role="group" aria-label="Confirm delete">
                  <span>Delete?</span>
                  <button className="btn small danger" onClick={() => void remove(summary)}>
                    Delete
                  </button>
                  <button className="btn small" autoFocus onClick={() => setConfirmDelete(null)}>
                    Keep
                  </button>
                </div>
              ) : (
                <div className="row-actions">
                  <button
                    className="icon-btn"
                    aria-label={`Duplicate “${summary.title}”`}
                    title="Duplicate"
                    onClick={() => void duplicate(summary)}
                  >
                    <CopyIcon />
                  </button>
                  <button
                    className="icon-btn"
                    aria-label={`Delete “${summary.title}”`}
                    title="Delete"
                    onClick={() => setConfirmDelete(summary.id)}
                  >
                    <TrashIcon />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <NewEditionDialog
          api={api}
          editions={editions ?? []}
          sourceId={props.selectedId}
          onClose={() => setCreating(false)}
          onCreated={async (summary) => {
            setCreating(false);
            await props.onChanged();
            props.onOpen(summary.id);
          }}
        />
      )}
    </nav>
  );
}

function groupHits(hits: SearchHit[]): Array<[string, SearchHit[]]> {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) groups.set(hit.editionId, [...(groups.get(hit.editionId) ?? []), hit]);
  return [...groups.entries()];
}

/** Search snippets mark matches as **term**; show those as <mark>, the rest as text. */
function markedSnippet(snippet: string) {
  return snippet.split('**').map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}
