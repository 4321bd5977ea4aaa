import { useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client.ts';
import { saveIdentity } from '../state/identity.ts';
import { applyTheme, loadTheme, type ThemeChoice } from '../state/theme.ts';
import type { EditorIdentity, SyncManager } from '../sync/SyncManager.ts';
import { Avatars } from './Avatars.tsx';
import { AutoThemeIcon, KeyboardIcon, MenuIcon, MoonIcon, PanelIcon, SunIcon } from './icons.tsx';
import { IdentityFields } from './IdentityFields.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { CommentIcon } from '../comments/CommentIcon.tsx';

interface TopBarProps {
  api: ApiClient;
  publication: string;
  sync: SyncManager;
  me: EditorIdentity;
  onIdentity: (me: EditorIdentity) => void;
  libraryOpen: boolean;
  onToggleLibrary: () => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
  onShowShortcuts: () => void;
  onShare: () => void;
  /** Open comment threads in the open edition (null: no edition open). */
  openComments?: number | null;
  onShowComments?: () => void;
}

const THEME_LABEL: Record<ThemeChoice, string> = {
  system: 'System theme',
  light: 'Light',
  dark: 'Dark',
};
const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};

/** Publication, who is here, the sync state, and the window's toggles. */
export function TopBar(props: TopBarProps) {
  const { api, sync, me, publication } = props;
  const snapshot = useSyncExternalStore(sync.subscribe, sync.getSnapshot);
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);
  const [editingMe, setEditingMe] = useState(false);

  return (
    <header className="top-bar">
      <button
        className="icon-btn"
        aria-pressed={props.libraryOpen}
        aria-label="Library"
        title="Show or hide the library (Ctrl+Shift+L)"
        onClick={props.onToggleLibrary}
      >
        <MenuIcon />
      </button>
      <div className="brand">
        <strong>Galley</strong>
        {publication && <span className="muted"> · {publication}</span>}
      </div>
      <div className="top-bar-spacer" />
      <Avatars people={snapshot.others} />
      {props.openComments != null && (
        <button
          className="btn small top-comments"
          onClick={props.onShowComments}
          title="Show the Comments panel"
          aria-label={`${props.openComments} open ${props.openComments === 1 ? 'comment' : 'comments'}. Show the Comments panel`}
        >
          <CommentIcon />
          {props.openComments}
        </button>
      )}
      <SyncStatus api={api} sync={sync} />
      <button
        className="btn small"
        onClick={props.onShare}
        title="Host or join a co-editing session"
      >
        Share…
      </button>
      <div className="me-menu">
        <button
          className="me-button"
          aria-expanded={editingMe}
          aria-label={`You: ${me.name}. Change name or colour`}
          onClick={() => setEditingMe((v) => !v)}
        >
          <span className="avatar" style={{ background: me.color }} aria-hidden="true" />
          {me.name}
        </button>
        {editingMe && (
          <MePopover
            me={me}
            onClose={() => setEditingMe(false)}
            onSave={(name, color) => {
              props.onIdentity(saveIdentity(name, color));
              setEditingMe(false);
            }}
          />
        )}
      </div>
      <button
        className="icon-btn"
        aria-label={`Theme: ${THEME_LABEL[theme]}. Switch to ${THEME_LABEL[NEXT_THEME[theme]]}`}
        title={`Theme: ${THEME_LABEL[theme]}`}
        onClick={() => {
          const next = NEXT_THEME[theme];
          applyTheme(next);
          setTheme(next);
        }}
      >
        {theme === 'dark' ? <MoonIcon /> : theme === 'light' ? <SunIcon /> : <AutoThemeIcon />}
      </button>
      <button
        className="icon-btn"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (Ctrl+/)"
        onClick={props.onShowShortcuts}
      >
        <KeyboardIcon />
      </button>
      <button
        className="icon-btn"
        aria-pressed={props.panelOpen}
        aria-label="Preview and checks panel"
        title="Show or hide preview and checks (Ctrl+\)"
        onClick={props.onTogglePanel}
      >
        <PanelIcon />
      </button>
    </header>
  );
}

function MePopover(props: {
  me: EditorIdentity;
  onSave: (name: string, color: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(props.me.name);
  const [color, setColor] = useState(props.me.color);
  return (
    <form
      className="popover me-popover"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) props.onSave(name, color);
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onClose()}
    >
      <IdentityFields name={name} color={color} onName={setName} onColor={setColor} autoFocus />
      <div className="row">
        <button className="btn primary" type="submit" disabled={!name.trim()}>
          Save
        </button>
        <button className="btn" type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
