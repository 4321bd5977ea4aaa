import { isValidId } from './ids.ts';

/** Room name of an edition doc. */
export function editionRoom(editionId: string): string {
  return `edition:${editionId}`;
}

/** Room name of a section body doc. */
export function sectionRoom(sectionId: string): string {
  return `section:${sectionId}`;
}

export type ParsedRoom = { kind: 'edition' | 'section'; id: string };

/** Parses a room name; null for anything that is not `edition:<id>` or `section:<id>`. */
export function parseRoom(room: string): ParsedRoom | null {
  const colon = room.indexOf(':');
  const kind = room.slice(0, colon);
  const id = room.slice(colon + 1);
  if ((kind !== 'edition' && kind !== 'section') || !isValidId(id)) return null;
  return { kind, id };
}
