import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import {
  MAX_MARKDOWN_BYTES,
  fail,
  ok,
  type ApiMethod,
  type ApiOutputs,
  type Result,
  type ShellCommand,
} from '../core/index.ts';
import type { Backend } from '../backend/openBackend.ts';
import type { PathMethod } from './ipc.ts';

/**
 * The menu actions that need a native dialog (import, back up, and the destination of an
 * export), and what follows a finished export. Electron's dialog and notifications come
 * in as parameters, so tests run these against a real backend with scripted answers.
 */
export interface ActionDeps {
  invoke: Backend['invoke'];
  /** The title of an edition, for default file names (null when unknown). */
  editionTitle(id: string): Promise<string | null>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  send(command: ShellCommand): void;
  /** A system notification; clicking it runs `onClick`. */
  notify(title: string, body: string, onClick?: () => void): void;
  /** Opens a folder in the file manager. */
  openFolder(path: string): void;
  /** The list of editions changed (the recent-editions menu follows). */
  editionsChanged(): void;
  documentsDir: string;
  now(): Date;
}

/** A file or folder name from an edition title: no separators, nothing the OS refuses. */
export function safeFileName(title: string, fallback: string): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    // No hidden files, and Windows drops trailing dots and spaces.
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80)
    .trim();
  return cleaned === '' ? fallback : cleaned;
}

/**
 * Reads a Markdown file for import: at most MAX_MARKDOWN_BYTES, and strictly UTF-8 (a
 * file in another encoding is refused, not imported garbled).
 */
export async function readMarkdownFile(path: string): Promise<Result<string>> {
  try {
    if ((await stat(path)).size > MAX_MARKDOWN_BYTES) {
      return fail('too-large', `${path} is larger than ${MAX_MARKDOWN_BYTES / 1024} KiB.`);
    }
    const bytes = await readFile(path);
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''));
  } catch (error) {
    if (error instanceof TypeError) {
      return fail('invalid-input', `${path} is not UTF-8 text; save it as UTF-8 and import again.`);
    }
    return fail('io', `Cannot read ${path}: ${error instanceof Error ? error.message : ''}`);
  }
}

const MUTATING: ReadonlySet<ApiMethod> = new Set([
  'editions.create',
  'editions.duplicate',
  'editions.delete',
  'editions.import',
  'versions.restore',
]);

/** The actions, bound to their dependencies. */
export function createActions(deps: ActionDeps) {
  const error = (text: string) => deps.send({ type: 'message', level: 'error', text });
  const info = (text: string) => deps.send({ type: 'message', level: 'info', text });
  const date = () => deps.now().toISOString().slice(0, 10);

  /** Where a path-taking API call writes, asked with a native dialog (see ipc.ts). */
  const choosePath = async (
    method: PathMethod,
    input: Record<string, unknown>,
  ): Promise<string | null> => {
    const options: SaveDialogOptions =
      method === 'store.backup'
        ? {
            title: 'Back Up Galley',
            defaultPath: join(deps.documentsDir, `galley-backup-${date()}.db`),
            filters: [{ name: 'Galley database', extensions: ['db'] }],
          }
        : method === 'export.site'
          ? {
              title: 'Export Web Archive',
              buttonLabel: 'Export',
              message: 'Galley writes the sent editions as a static website into this folder.',
              defaultPath: join(deps.documentsDir, 'galley-site'),
            }
          : {
              title: 'Export Edition',
              buttonLabel: 'Export',
              message: 'Galley writes the email HTML, Markdown, text and images into this folder.',
              defaultPath: join(
                deps.documentsDir,
                safeFileName(
                  typeof input.id === 'string' ? ((await deps.editionTitle(input.id)) ?? '') : '',
                  `galley-export-${date()}`,
                ),
              ),
            };
    const chosen = await deps.showSaveDialog({
      ...options,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };

  return {
    choosePath,

    /** File > Import Markdown...: pick a file, import it, open the new edition. */
    async importMarkdown(): Promise<void> {
      const picked = await deps.showOpenDialog({
        title: 'Import Markdown',
        properties: ['openFile'],
        filters: [{ name: 'Markdown', extensions: ['md', 'markdown', 'txt'] }],
      });
      const path = picked.filePaths[0];
      if (picked.canceled || path === undefined) return;
      const markdown = await readMarkdownFile(path);
      if (!markdown.ok) return error(markdown.error.message);
      const imported = await deps.invoke('editions.import', { markdown: markdown.value });
      if (!imported.ok) return error(imported.error.message);
      deps.editionsChanged();
      deps.send({ type: 'open-edition', id: imported.value.summary.id });
      const changes = imported.value.warnings.length;
      if (changes > 0) info(`Imported, with ${changes} change${changes === 1 ? '' : 's'}.`);
    },

    /** File > Back Up...: a consistent copy of the database where the editor says. */
    async backUp(): Promise<void> {
      const dest = await choosePath('store.backup', {});
      if (dest === null) return;
      const result = await deps.invoke('store.backup', { dest });
      if (!result.ok) return error(result.error.message);
      info(`Backed up to ${result.value.dest}.`);
    },

    /** After a successful API call from the workbench. */
    afterCall(method: ApiMethod, value: unknown): void {
      if (MUTATING.has(method)) deps.editionsChanged();
      if (method === 'export.bundle' && isBundle(value)) {
        deps.notify('Export finished', `${value.files.length} files in ${value.dir}`, () =>
          deps.openFolder(value.dir),
        );
      }
    },
  };
}

function isBundle(value: unknown): value is ApiOutputs['export.bundle'] {
  return (
    typeof value === 'object' &&
    value !== null &&
    'dir' in value &&
    typeof value.dir === 'string' &&
    'files' in value &&
    Array.isArray(value.files)
  );
}
