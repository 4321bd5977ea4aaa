import type * as Y from 'yjs';
import { restorePerson, storedPerson } from './people.ts';
import type { ReviewPerson } from './types.ts';

/**
 * Who has worked on an edition, kept in its edition doc so every replica knows the
 * names to @mention and to credit in a compare:
 *
 * `doc.getMap('editors')`: person id -> { id, name, color, lastSeen (ISO) }
 * `doc.getMap('clients')`: Yjs client id (decimal string) of any doc of the edition
 *   (the edition doc or a section doc) -> person id, so an insertion's author can be
 *   found from the client id Yjs keeps on every item.
 */
export const EDITORS_MAP = 'editors';
export const CLIENTS_MAP = 'clients';

/** Records (or refreshes) an editor of the edition. */
export function recordEditor(doc: Y.Doc, person: ReviewPerson, now = new Date().toISOString()) {
  const editors = doc.getMap<unknown>(EDITORS_MAP);
  const known = restorePerson(editors.get(person.id));
  // Only write when something changed, so opening an edition is not an edit.
  if (known?.name === person.name && known.color === person.color) return;
  editors.set(person.id, { ...storedPerson(person), lastSeen: now });
}

/** Records that the Yjs client `clientId` (of any of the edition's docs) is `personId`. */
export function recordClient(editionDoc: Y.Doc, clientId: number, personId: string): void {
  const clients = editionDoc.getMap<unknown>(CLIENTS_MAP);
  const key = String(clientId);
  if (clients.get(key) !== personId) clients.set(key, personId);
}

/** Every editor the edition has seen, by name. */
export function readEditors(doc: Y.Doc): ReviewPerson[] {
  const people: ReviewPerson[] = [];
  doc.getMap<unknown>(EDITORS_MAP).forEach((value) => {
    const person = restorePerson(value);
    if (person !== null) people.push(person);
  });
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The editor behind a Yjs client id, or null when the edition does not know it. */
export function editorOfClient(doc: Y.Doc, clientId: number): ReviewPerson | null {
  const personId = doc.getMap<unknown>(CLIENTS_MAP).get(String(clientId));
  if (typeof personId !== 'string') return null;
  return restorePerson(doc.getMap<unknown>(EDITORS_MAP).get(personId));
}
