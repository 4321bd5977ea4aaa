import type { EditorIdentity } from '../sync/SyncManager.ts';

/** Colours that read on both themes, for cursors and avatars. */
export const EDITOR_COLORS = [
  '#d9480f',
  '#2b8a3e',
  '#1971c2',
  '#9c36b5',
  '#c2255c',
  '#0c8599',
  '#e67700',
  '#5f3dc4',
] as const;

const KEY = 'galley.editor';

/** The editor's name and colour from this browser profile, or null before the first run. */
export function loadIdentity(storage: Storage = localStorage): EditorIdentity | null {
  try {
    const raw: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return null;
    const { id, name, color } = raw as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string')
      return null;
    if (!name.trim() || !/^#[0-9a-fA-F]{6}$/.test(color)) return null;
    return { id, name: name.trim().slice(0, 60), color };
  } catch {
    return null;
  }
}

/** Saves the editor's name and colour, keeping the id once made. */
export function saveIdentity(
  name: string,
  color: string,
  storage: Storage = localStorage,
): EditorIdentity {
  const id = loadIdentity(storage)?.id ?? crypto.randomUUID();
  const identity = { id, name: name.trim().slice(0, 60), color };
  storage.setItem(KEY, JSON.stringify(identity));
  return identity;
}

/** Initials for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    parts.length > 1 ? [parts[0]![0], parts.at(-1)![0]] : [...(parts[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}
