import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  MENU_ACCELERATORS,
  RECENT_LIMIT,
  buildMenu,
  recentEditions,
  toTemplate,
  type MenuCommandId,
  type MenuItemSpec,
} from './menu.ts';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;
const recent = [
  { id: 'e1', title: 'Issue 12' },
  { id: 'e2', title: '  ' },
];

function leaves(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => (item.kind === 'submenu' ? leaves(item.items) : [item]));
}

// Shortcuts the platform roles bring; Galley's own must not take any of them.
const ROLE_ACCELERATORS = [
  'CmdOrCtrl+Z',
  'Shift+CmdOrCtrl+Z',
  'CmdOrCtrl+Y',
  'CmdOrCtrl+X',
  'CmdOrCtrl+C',
  'CmdOrCtrl+V',
  'CmdOrCtrl+A',
  'Shift+Alt+CmdOrCtrl+V',
  'CmdOrCtrl+W',
  'CmdOrCtrl+Q',
  'CmdOrCtrl+M',
  'CmdOrCtrl+H',
  'CmdOrCtrl+R',
  'Shift+CmdOrCtrl+R',
  'CmdOrCtrl+0',
  'CmdOrCtrl+Plus',
  'CmdOrCtrl+-',
];

const normalize = (accelerator: string) => accelerator.split('+').sort().join('+').toLowerCase();

describe('the application menu', () => {
  it.each(PLATFORMS)('on %s has File, Edit, View, Window and Help', (platform) => {
    const labels = buildMenu({ platform, recent, dev: false }).map((item) =>
      item.kind === 'submenu' ? item.label : item.kind,
    );
    expect(labels).toEqual([
      ...(platform === 'darwin' ? ['Galley'] : []),
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it.each(PLATFORMS)('on %s gives every item a role or a handler', (platform) => {
    const menu = buildMenu({ platform, recent, dev: true });
    for (const item of leaves(menu)) {
      if (item.kind === 'separator') continue;
      expect(item.kind === 'role' || item.kind === 'command', JSON.stringify(item)).toBe(true);
    }
    for (const item of menu) {
      if (item.kind === 'submenu') expect(item.role, item.label).toBeDefined();
    }
  });

  it('gives each item its documented accelerator, and none twice', () => {
    const commands = leaves(buildMenu({ platform: 'linux', recent: [], dev: false })).filter(
      (item) => item.kind === 'command',
    );
    for (const item of commands) expect(item.accelerator, item.id).toBe(MENU_ACCELERATORS[item.id]);
    const ids = new Set(commands.map((item) => item.id));
    for (const id of Object.keys(MENU_ACCELERATORS)) expect(ids, id).toContain(id);
    const taken = [...Object.values(MENU_ACCELERATORS), ...ROLE_ACCELERATORS].map(normalize);
    expect(new Set(taken).size).toBe(taken.length);
  });

  it('has the File items the issue names, with the platform’s quit or close', () => {
    const [file] = buildMenu({ platform: 'win32', recent, dev: false });
    if (file?.kind !== 'submenu') throw new Error('no File menu');
    const labels = leaves(file.items).map((i) =>
      i.kind === 'command' ? i.label : i.kind === 'role' ? i.role : '',
    );
    expect(labels).toEqual(
      expect.arrayContaining([
        'New Edition',
        'Import Markdown...',
        'Export...',
        'Send Test...',
        'Back Up...',
        'quit',
      ]),
    );
    const mac = buildMenu({ platform: 'darwin', recent, dev: false })[1];
    if (mac?.kind !== 'submenu') throw new Error('no File menu');
    expect(leaves(mac.items)).toContainEqual({ kind: 'role', role: 'close' });
  });

  it('keeps developer tools out of a packaged app', () => {
    const roles = (dev: boolean) =>
      leaves(buildMenu({ platform: 'linux', recent, dev })).flatMap((i) =>
        i.kind === 'role' ? [i.role] : [],
      );
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('lists recent editions under Open Recent, newest change first', () => {
    const summaries = [
      { id: 'old', title: 'Old', updatedAt: '2025-01-01T00:00:00Z', deletedAt: null },
      { id: 'new', title: 'New', updatedAt: '2025-03-01T00:00:00Z', deletedAt: null },
      { id: 'gone', title: 'Gone', updatedAt: '2025-04-01T00:00:00Z', deletedAt: '2025-04-02' },
      ...Array.from({ length: 10 }, (_, i) => ({
        id: `x${i}`,
        title: `X${i}`,
        updatedAt: `2024-0${(i % 9) + 1}-01T00:00:00Z`,
        deletedAt: null,
      })),
    ];
    const list = recentEditions(summaries);
    expect(list.slice(0, 2)).toEqual([
      { id: 'new', title: 'New' },
      { id: 'old', title: 'Old' },
    ]);
    expect(list).toHaveLength(RECENT_LIMIT);
    const [file] = buildMenu({ platform: 'linux', recent, dev: false });
    if (file?.kind !== 'submenu') throw new Error('no File menu');
    const openRecent = file.items.find((i) => i.kind === 'submenu' && i.label === 'Open Recent');
    expect(openRecent).toMatchObject({
      items: [
        { id: 'open-edition', label: 'Issue 12', editionId: 'e1' },
        { id: 'open-edition', label: 'Untitled edition', editionId: 'e2' },
      ],
    });
    const [empty] = buildMenu({ platform: 'linux', recent: [], dev: false });
    if (empty?.kind !== 'submenu') throw new Error('no File menu');
    expect(empty.items[1]).toMatchObject({ items: [{ id: 'show-library' }] });
  });
});

describe('toTemplate', () => {
  it('wires each command to its handler and keeps the roles', () => {
    const calls: Array<[MenuCommandId, string | undefined]> = [];
    const handler = vi.fn((item: { id: MenuCommandId; editionId?: string }) =>
      calls.push([item.id, item.editionId]),
    );
    const ids: MenuCommandId[] = [
      'new-edition',
      'open-edition',
      'show-library',
      'import-markdown',
      'export',
      'send-test',
      'save-version',
      'back-up',
      'host-session',
      'join-session',
      'find',
      'toggle-preview',
      'open-data-folder',
    ];
    const handlers = Object.fromEntries(ids.map((id) => [id, handler])) as Record<
      MenuCommandId,
      typeof handler
    >;
    const template = toTemplate(buildMenu({ platform: 'darwin', recent, dev: false }), handlers);
    expect(template[0]).toEqual({ label: 'Galley', role: 'appMenu' });
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => (Array.isArray(i.submenu) ? all(i.submenu) : [i]));
    const items = all(template);
    for (const item of items) {
      expect(
        item.type === 'separator' || item.role !== undefined || typeof item.click === 'function',
      ).toBe(true);
    }
    items.find((i) => i.label === 'Issue 12')!.click!(
      undefined as never,
      undefined,
      undefined as never,
    );
    items.find((i) => i.label === 'New Edition')!.click!(
      undefined as never,
      undefined,
      undefined as never,
    );
    expect(calls).toEqual([
      ['open-edition', 'e1'],
      ['new-edition', undefined],
    ]);
    expect(items.find((i) => i.label === 'Find...')?.accelerator).toBe('CmdOrCtrl+F');
  });
});
