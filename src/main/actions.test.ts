import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ShellCommand } from '../core/index.ts';
import { openBackend, type Backend } from '../backend/openBackend.ts';
import { useTempDir } from '../../test/helpers/tempDir.ts';
import { createActions, readMarkdownFile, safeFileName, type ActionDeps } from './actions.ts';

const tempDir = useTempDir();
const backends: Backend[] = [];
afterEach(async () => {
  for (const backend of backends.splice(0)) await backend.close();
});

async function setup(answers: { open?: string[]; save?: string | null } = {}) {
  const dir = tempDir();
  const backend = await openBackend(join(dir, 'galley.db'));
  backends.push(backend);
  const sent: ShellCommand[] = [];
  const deps: ActionDeps = {
    invoke: backend.invoke,
    editionTitle: async (id) =>
      (await backend.editions.list({})).find((e) => e.id === id)?.title ?? null,
    showOpenDialog: vi.fn(async () => ({ canceled: !answers.open, filePaths: answers.open ?? [] })),
    showSaveDialog: vi.fn(async () =>
      answers.save ? { canceled: false, filePath: answers.save } : { canceled: true },
    ),
    send: (command) => sent.push(command),
    notify: vi.fn(),
    openFolder: vi.fn(),
    editionsChanged: vi.fn(),
    documentsDir: '/home/ada/Documents',
    now: () => new Date('2025-05-06T12:00:00Z'),
  };
  return { dir, backend, sent, deps, actions: createActions(deps) };
}

describe('menu actions', () => {
  it('imports a Markdown file and opens the new edition', async () => {
    const file = join(tempDir(), 'issue.md');
    writeFileSync(file, '\ufeff# Issue 7\n\nHello readers.\n\n## The story\n\nText.\n');
    const { actions, backend, sent, deps } = await setup({ open: [file] });
    await actions.importMarkdown();
    const imported = (await backend.editions.list({})).find((e) => e.title === 'Issue 7');
    expect(imported).toBeDefined();
    expect(sent[0]).toEqual({ type: 'open-edition', id: imported!.id });
    expect(deps.editionsChanged).toHaveBeenCalled();
  });

  it('refuses a file that is not UTF-8, saying so', async () => {
    const file = join(tempDir(), 'latin1.md');
    writeFileSync(file, Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
    const { actions, sent, backend } = await setup({ open: [file] });
    const before = (await backend.editions.list({})).length;
    await actions.importMarkdown();
    expect(sent).toEqual([
      { type: 'message', level: 'error', text: expect.stringMatching(/not UTF-8/) },
    ]);
    expect(await backend.editions.list({})).toHaveLength(before);
    expect((await readMarkdownFile(join(tempDir(), 'missing.md'))).ok).toBe(false);
  });

  it('does nothing when the editor cancels', async () => {
    const { actions, sent } = await setup();
    await actions.importMarkdown();
    await actions.backUp();
    expect(sent).toEqual([]);
  });

  it('backs up to the file the editor chose', async () => {
    const dest = join(tempDir(), 'backup.db');
    const { actions, sent, deps } = await setup({ save: dest });
    await actions.backUp();
    expect(statSync(dest).size).toBeGreaterThan(0);
    expect(sent).toEqual([{ type: 'message', level: 'info', text: `Backed up to ${dest}.` }]);
    expect(deps.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '/home/ada/Documents/galley-backup-2025-05-06.db' }),
    );
  });

  it('names the export folder after the edition and notifies when it is written', async () => {
    const dest = join(tempDir(), 'export');
    const { actions, backend, deps } = await setup({ save: dest });
    const [edition] = await backend.editions.list({});
    const chosen = await actions.choosePath('export.bundle', { id: edition!.id });
    expect(chosen).toBe(dest);
    expect(deps.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: join('/home/ada/Documents', safeFileName(edition!.title, '')),
      }),
    );
    const result = await backend.invoke('export.bundle', { id: edition!.id, dest });
    if (!result.ok) throw new Error(result.error.message);
    actions.afterCall('export.bundle', result.value);
    expect(existsSync(join(dest, 'edition.html'))).toBe(true);
    expect(deps.notify).toHaveBeenCalledWith(
      'Export finished',
      expect.stringContaining(dest),
      expect.any(Function),
    );
    actions.afterCall('editions.list', []);
    expect(deps.editionsChanged).not.toHaveBeenCalled();
    actions.afterCall('editions.create', {});
    expect(deps.editionsChanged).toHaveBeenCalledTimes(1);
  });

  it('makes safe file names from titles', () => {
    expect(safeFileName('Issue 12: The "Build" Log / May', 'x')).toBe('Issue 12 The Build Log May');
    expect(safeFileName('../../etc/passwd', 'x')).toBe('etc passwd');
    expect(safeFileName('  ', 'fallback')).toBe('fallback');
    expect(safeFileName('a'.repeat(200), 'x')).toHaveLength(80);
  });
});
