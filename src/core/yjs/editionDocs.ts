import * as Y from 'yjs';
import { readBody, writeBody } from '../lexical/bodySession.ts';
import type { Edition } from '../model/types.ts';
import { applyEdition, readEdition } from './editionDoc.ts';

/** An edition as Yjs docs: its edition doc and one body doc per section. */
export interface EditionDocs {
  edition: Y.Doc;
  sections: Map<string, Y.Doc>;
}

/** Builds fresh docs holding `edition` (bodies written through headless Lexical). */
export function editionToDocs(edition: Edition): EditionDocs {
  const doc = new Y.Doc();
  applyEdition(doc, edition);
  const sections = new Map<string, Y.Doc>();
  for (const section of edition.sections) {
    const body = new Y.Doc();
    writeBody(body, section.body);
    sections.set(section.id, body);
  }
  return { edition: doc, sections };
}

/** Reads an edition back from its docs; a section without a body doc gets an empty body. */
export function docsToEdition(editionId: string, docs: EditionDocs): Edition {
  return readEdition(editionId, docs.edition, (id) => {
    const body = docs.sections.get(id);
    return body ? readBody(body) : null;
  });
}
