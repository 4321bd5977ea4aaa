import { isRecord } from '../../core/index.ts';

/**
 * What an editor had seen of an edition when they last looked, kept in this browser
 * profile's localStorage (never in the edition: it is one reader's view):
 *
 * key `galley:seen:<editionId>:<editorId>` -> JSON { sections: section ids known then,
 *   rooms: { [room]: base64 Yjs state vector of that room as it was seen } }
 */
export interface SeenRecord {
  sections: string[];
  rooms: Record<string, string>;
}

/** The storage key of one editor's record for one edition. */
export function seenKey(editionId: string, editorId: string): string {
  return `galley:seen:${editionId}:${editorId}`;
}

/** The stored record, or null the first time (or when what is stored is unreadable). */
export function loadSeen(key: string): SeenRecord | null {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
  if (!isRecord(raw) || !Array.isArray(raw.sections) || !isRecord(raw.rooms)) return null;
  const rooms: Record<string, string> = {};
  for (const [room, value] of Object.entries(raw.rooms))
    if (typeof value === 'string') rooms[room] = value;
  return { sections: raw.sections.filter((s): s is string => typeof s === 'string'), rooms };
}

/** Stores the record; a full or blocked storage only loses the memory of what was seen. */
export function saveSeen(key: string, record: SeenRecord): void {
  try {
    localStorage.setItem(key, JSON.stringify(record));
  } catch {
    // Nothing to do: next time, text may show as new again.
  }
}
