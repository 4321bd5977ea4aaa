import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu as data: platform roles for everything the OS already knows how
 * to do (edit, zoom, window, quit), and Galley's own items by id, each with a handler in
 * main. `toTemplate` turns it into Electron's template; tests read the data.
 */

/** Galley's own menu items; each has exactly one handler in main. */
export type MenuCommandId =
  | 'new-edition'
  | 'open-edition'
  | 'show-library'
  | 'import-markdown'
  | 'export'
  | 'send-test'
  | 'save-version'
  | 'back-up'
  | 'host-session'
  | 'join-session'
  | 'find'
  | 'toggle-preview'
  | 'open-data-folder';

/**
 * The documented shortcuts (README, "Desktop app"). Items not listed have none; the
 * roles bring the platform's own (Cmd/Ctrl+Z, C, V, W, Q, M, 0, +, -).
 */
export const MENU_ACCELERATORS: Partial<Record<MenuCommandId, string>> = {
  'new-edition': 'CmdOrCtrl+N',
  'import-markdown': 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  'save-version': 'CmdOrCtrl+S',
  find: 'CmdOrCtrl+F',
  'show-library': 'CmdOrCtrl+Shift+L',
  'toggle-preview': 'CmdOrCtrl+Shift+P',
  'join-session': 'CmdOrCtrl+Shift+J',
};

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/** One item: a separator, a role, a command (by id), or a submenu. */
export type MenuItemSpec =
  | { kind: 'separator' }
  | { kind: 'role'; role: Role }
  | { kind: 'command'; id: MenuCommandId; label: string; accelerator?: string; editionId?: string }
  | { kind: 'submenu'; label: string; role?: Role; items: MenuItemSpec[] };

/** A recent edition, as the menu shows it. */
export interface RecentEdition {
  id: string;
  title: string;
}

/** What the menu depends on. */
export interface MenuContext {
  platform: NodeJS.Platform;
  recent: readonly RecentEdition[];
  /** Reload and developer tools only in development. */
  dev: boolean;
}

const separator: MenuItemSpec = { kind: 'separator' };
const role = (name: Role): MenuItemSpec => ({ kind: 'role', role: name });
function command(id: MenuCommandId, label: string, editionId?: string): MenuItemSpec {
  const accelerator = MENU_ACCELERATORS[id];
  return {
    kind: 'command',
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    ...(editionId ? { editionId } : {}),
  };
}

/** How many recent editions File > Open Recent lists. */
export const RECENT_LIMIT = 8;

/** The editions File > Open Recent lists: the last changed first, deleted ones left out. */
export function recentEditions(
  summaries: ReadonlyArray<RecentEdition & { updatedAt: string; deletedAt: string | null }>,
): RecentEdition[] {
  return summaries
    .filter((e) => e.deletedAt === null)
    .toSorted((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT_LIMIT)
    .map(({ id, title }) => ({ id, title }));
}

/** The whole menu bar for a platform. */
export function buildMenu({ platform, recent, dev }: MenuContext): MenuItemSpec[] {
  const mac = platform === 'darwin';
  const recentItems = recent.length
    ? recent.map((e) => command('open-edition', e.title.trim() || 'Untitled edition', e.id))
    : [command('show-library', 'Show Library')];
  const file: MenuItemSpec = {
    kind: 'submenu',
    label: 'File',
    role: 'fileMenu',
    items: [
      command('new-edition', 'New Edition'),
      { kind: 'submenu', label: 'Open Recent', items: recentItems },
      separator,
      command('import-markdown', 'Import Markdown...'),
      command('export', 'Export...'),
      command('send-test', 'Send Test...'),
      command('save-version', 'Save Version...'),
      command('back-up', 'Back Up...'),
      separator,
      command('host-session', 'Host a Session...'),
      command('join-session', 'Join a Session...'),
      separator,
      role(mac ? 'close' : 'quit'),
    ],
  };
  const edit: MenuItemSpec = {
    kind: 'submenu',
    label: 'Edit',
    role: 'editMenu',
    items: [
      role('undo'),
      role('redo'),
      separator,
      role('cut'),
      role('copy'),
      role('paste'),
      role('pasteAndMatchStyle'),
      role('delete'),
      role('selectAll'),
      separator,
      command('find', 'Find...'),
    ],
  };
  const view: MenuItemSpec = {
    kind: 'submenu',
    label: 'View',
    role: 'viewMenu',
    items: [
      command('show-library', 'Show Library'),
      command('toggle-preview', 'Toggle Preview'),
      separator,
      ...(dev ? [role('reload'), role('forceReload'), role('toggleDevTools'), separator] : []),
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
    ],
  };
  const window: MenuItemSpec = {
    kind: 'submenu',
    label: 'Window',
    role: 'windowMenu',
    items: mac
      ? [role('minimize'), role('zoom'), separator, role('front')]
      : [role('minimize'), role('close')],
  };
  const help: MenuItemSpec = {
    kind: 'submenu',
    label: 'Help',
    role: 'help',
    items: [command('open-data-folder', 'Show Data Folder'), ...(mac ? [] : [role('about')])],
  };
  const appMenu: MenuItemSpec = { kind: 'submenu', label: 'Galley', role: 'appMenu', items: [] };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}

/** A command item's handler; `editionId` is set for Open Recent's items. */
export type MenuHandler = (item: { id: MenuCommandId; editionId?: string }) => void;

/** Electron's template, with each command wired to its handler. */
export function toTemplate(
  items: readonly MenuItemSpec[],
  handlers: Record<MenuCommandId, MenuHandler>,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: item.role };
      case 'command':
        return {
          label: item.label,
          accelerator: item.accelerator,
          click: () => handlers[item.id]({ id: item.id, editionId: item.editionId }),
        };
      case 'submenu':
        // With no items of its own, a role brings the platform's standard submenu (the
        // macOS app menu); with items, the role still tells macOS which menu this is
        // (the Window list, the Help search field).
        return item.items.length === 0
          ? { label: item.label, role: item.role }
          : { label: item.label, role: item.role, submenu: toTemplate(item.items, handlers) };
    }
  });
}
