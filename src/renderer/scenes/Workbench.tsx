import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditionStatus, EditionSummary, ShellCommand } from '../../core/index.ts';
import type { ApiClient } from '../api/client.ts';
import { ToastProvider, useToasts } from '../components/Toasts.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { ShortcutsDialog } from '../components/ShortcutsDialog.tsx';
import { SessionDialog, type SessionTab } from '../components/SessionDialog.tsx';
import { SyncManager, type EditorIdentity } from '../sync/SyncManager.ts';
import { useShortcuts } from '../state/useShortcuts.ts';
import { EditionView } from './EditionView.tsx';
import { Library } from './Library.tsx';

interface WorkbenchProps {
  api: ApiClient;
  /** The publication's name, for the top bar. */
  publication: string;
  me: EditorIdentity;
  onIdentity: (me: EditorIdentity) => void;
}

/** The whole window: top bar, library, the open edition with its side panel. */
export function Workbench(props: WorkbenchProps) {
  return (
    <ToastProvider>
      <WorkbenchInner {...props} />
    </ToastProvider>
  );
}

const LAST_OPENED = 'galley.lastEdition';

function editionFromHash(): string | null {
  const match = /^#\/edition\/([A-Za-z0-9_-]{1,64})$/.exec(window.location.hash);
  return match?.[1] ?? null;
}

function WorkbenchInner({ api, publication, me, onIdentity }: WorkbenchProps) {
  const toasts = useToasts();
  // One sync manager per connection; a new name or colour is pushed into it, not a new one.
  const [sync] = useState(() => new SyncManager(api.connection, me));
  useEffect(() => sync.setIdentity(me), [sync, me]);
  useEffect(() => () => sync.destroy(), [sync]);

  const [editions, setEditions] = useState<EditionSummary[] | null>(null);
  const [statusFilter, setStatusFilter] = useState<EditionStatus | 'all'>('all');
  const [selectedId, setSelectedId] = useState<string | null>(
    () => editionFromHash() ?? localStorage.getItem(LAST_OPENED),
  );
  const [libraryOpen, setLibraryOpen] = useState(true);
  const [panelOpen, setPanelOpen] = useState(true);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [session, setSession] = useState<{ tab: SessionTab; link?: string } | null>(null);
  const [command, setCommand] = useState<{ n: number; command: ShellCommand } | null>(null);
  const [openComments, setOpenComments] = useState<number | null>(null);
  const [commentsRequest, setCommentsRequest] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await api.call(
        'editions.list',
        statusFilter === 'all' ? {} : { status: statusFilter },
      );
      setEditions(list);
      return list;
    } catch (error) {
      toasts.error('Could not load the library', error);
      return null;
    }
  }, [api, statusFilter, toasts]);

  // The library follows co-editors' changes (titles, word counts) without a reload.
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, 4000);
    return () => clearInterval(timer);
  }, [refresh]);

  // First run (or a stale last-opened id): open the newest edition, the sample on a new install.
  useEffect(() => {
    if (!editions || statusFilter !== 'all') return;
    if (selectedId && editions.some((e) => e.id === selectedId)) return;
    if (selectedId && editionFromHash() === selectedId) return; // may be a deleted one, linked
    setSelectedId(editions[0]?.id ?? null);
  }, [editions, selectedId, statusFilter]);

  useEffect(() => {
    if (!selectedId) return;
    localStorage.setItem(LAST_OPENED, selectedId);
    if (editionFromHash() !== selectedId)
      window.history.replaceState(null, '', `#/edition/${selectedId}`);
  }, [selectedId]);

  useEffect(() => {
    const onHash = () => {
      const id = editionFromHash();
      if (id) setSelectedId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const open = useCallback((id: string) => setSelectedId(id), []);

  const runCommand = useCallback(
    (cmd: ShellCommand) => {
      if (cmd.type === 'open-edition') return open(cmd.id);
      if (cmd.type === 'show-library' || cmd.type === 'find') {
        setLibraryOpen(true);
        setTimeout(() => searchRef.current?.focus());
        return;
      }
      if (cmd.type === 'message') return toasts.show({ level: cmd.level, text: cmd.text });
      if (cmd.type === 'toggle-preview') return setPanelOpen((v) => !v);
      if (cmd.type === 'host-session') return setSession({ tab: 'host' });
      if (cmd.type === 'join-session')
        return setSession({ tab: 'join', ...(cmd.link ? { link: cmd.link } : {}) });
      if (cmd.type === 'new-edition') setLibraryOpen(true);
      if (cmd.type === 'export' || cmd.type === 'create-version') setPanelOpen(true);
      setCommand((previous) => ({ n: (previous?.n ?? 0) + 1, command: cmd }));
    },
    [open, toasts],
  );
  useEffect(() => api.onCommand(runCommand), [api, runCommand]);

  useShortcuts({
    'mod+shift+f': () => runCommand({ type: 'find' }),
    'mod+alt+n': () => runCommand({ type: 'new-edition' }),
    'mod+\\': () => setPanelOpen((v) => !v),
    'mod+shift+l': () => setLibraryOpen((v) => !v),
    'mod+shift+s': () => runCommand({ type: 'create-version' }),
    'mod+/': () => setShowShortcuts(true),
  });

  return (
    <div className="workbench">
      <TopBar
        api={api}
        publication={publication}
        sync={sync}
        me={me}
        onIdentity={onIdentity}
        libraryOpen={libraryOpen}
        onToggleLibrary={() => setLibraryOpen((v) => !v)}
        panelOpen={panelOpen}
        onTogglePanel={() => setPanelOpen((v) => !v)}
        onShowShortcuts={() => setShowShortcuts(true)}
        onShare={() => setSession({ tab: 'host' })}
        openComments={selectedId ? openComments : null}
        onShowComments={() => {
          setPanelOpen(true);
          setCommentsRequest((n) => n + 1);
        }}
      />
      <div className="columns">
        {libraryOpen && (
          <Library
            api={api}
            editions={editions}
            selectedId={selectedId}
            statusFilter={statusFilter}
            onStatusFilter={setStatusFilter}
            onOpen={open}
            onChanged={refresh}
            searchRef={searchRef}
            command={command}
          />
        )}
        <main className="edition-column" aria-label="Edition">
          {selectedId ? (
            <EditionView
              key={selectedId}
              api={api}
              sync={sync}
              me={me}
              editionId={selectedId}
              summary={editions?.find((e) => e.id === selectedId) ?? null}
              panelOpen={panelOpen}
              command={command}
              onLibraryChanged={refresh}
              onShowPanel={() => setPanelOpen(true)}
              onOpenComments={setOpenComments}
              commentsRequest={commentsRequest}
            />
          ) : (
            <div className="empty-state">
              <h2>No edition open</h2>
              <p className="muted">
                {editions?.length === 0
                  ? 'The library is empty. Create your first edition with “New edition”.'
                  : 'Pick an edition in the library, or create a new one.'}
              </p>
            </div>
          )}
        </main>
      </div>
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
      {session && (
        <SessionDialog
          api={api}
          initialTab={session.tab}
          initialLink={session.link}
          onClose={() => setSession(null)}
        />
      )}
    </div>
  );
}
