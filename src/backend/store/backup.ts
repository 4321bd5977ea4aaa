import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { StoreError, toStoreError } from './StoreError.ts';

/**
 * Online backup through SQLite's backup API: a consistent copy while the app keeps
 * running and writing. The copy is written beside the destination under a temporary name
 * and renamed into place, so a failed backup never leaves a half-written file where the
 * previous good backup was.
 */

/** Copies the live database `file` (open as `db`) to `dest`. */
export async function backupDatabase(
  db: Database.Database,
  file: string,
  dest: string,
): Promise<void> {
  const target = path.resolve(dest);
  const action = `back up ${file} to ${target}`;
  if (isLiveFile(file, target)) {
    throw new StoreError(
      'invalid-input',
      `Galley cannot ${action}: that is the live database itself`,
    );
  }
  const folder = path.dirname(target);
  if (!isFolder(folder)) {
    throw new StoreError('io', `Galley cannot ${action}: the folder ${folder} does not exist`);
  }
  if (isFolder(target)) {
    throw new StoreError('invalid-input', `Galley cannot ${action}: it is a folder; name a file`);
  }
  const partial = `${target}.partial-${randomUUID()}`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, target);
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm'])
      fs.rmSync(partial + suffix, { force: true });
    throw toStoreError(error, action);
  }
}

/** The live file, its WAL or shared-memory file, under any spelling or symlink. */
function isLiveFile(file: string, target: string): boolean {
  const live = [file, `${file}-wal`, `${file}-shm`];
  if (live.includes(target)) return true;
  const real = realpath(target);
  return real !== null && live.map(realpath).includes(real);
}

function realpath(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

function isFolder(folder: string): boolean {
  try {
    return fs.statSync(folder).isDirectory();
  } catch {
    return false;
  }
}
