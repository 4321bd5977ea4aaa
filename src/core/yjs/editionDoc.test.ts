import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import { readBody } from '../lexical/bodySession.ts';
import { isRecord } from '../model/isRecord.ts';
import type { SectionBody } from '../model/types.ts';
import {
  addSection,
  applyEdition,
  moveSection,
  readEdition,
  readOrder,
  removeSection,
  retitleSection,
  setEditionMeta,
  setSectionFields,
} from './editionDoc.ts';
import { docsToEdition, editionToDocs, type EditionDocs } from './editionDocs.ts';

/** Sends docs through their binary encoding, as the store and the wire do. */
function viaUpdates(docs: EditionDocs): EditionDocs {
  const copy = (doc: Y.Doc) => {
    const next = new Y.Doc();
    Y.applyUpdate(next, Y.encodeStateAsUpdate(doc));
    return next;
  };
  return {
    edition: copy(docs.edition),
    sections: new Map([...docs.sections].map(([id, doc]) => [id, copy(doc)])),
  };
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const story = (title: string) => ({
  kind: 'story' as const,
  title,
  status: 'draft' as const,
  assignee: '',
});

describe('edition docs', () => {
  it('round-trips generated editions: model -> Yjs -> model is identity', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const edition = restoreEdition(generateEdition(seed, 7));
      const back = docsToEdition(edition.id, viaUpdates(editionToDocs(edition)));
      expect(back).toEqual(edition);
    }
  });

  it('edits meta, fields and order as transactions', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    setEditionMeta(doc, { title: 'Issue 1', number: 1, status: 'review' });
    addSection(doc, 'a', story('A'));
    addSection(doc, 'b', story('B'));
    addSection(
      doc,
      'c',
      {
        kind: 'poll',
        title: 'Poll',
        status: 'draft',
        assignee: '',
        question: 'Q?',
        options: ['x', 'y'],
        voteUrl: '',
      },
      0,
    );
    retitleSection(doc, 'a', 'Alpha');
    setSectionFields(doc, 'c', { options: ['x', 'y', 'z'] });
    moveSection(doc, 'c', 2);
    expect(updates).toHaveLength(7);
    expect(readOrder(doc)).toEqual(['a', 'b', 'c']);
    removeSection(doc, 'b');
    const edition = readEdition('e1', doc, () => null);
    expect(edition).toMatchObject({ title: 'Issue 1', number: 1, status: 'review' });
    expect(edition.sections.map((s) => [s.id, s.title])).toEqual([
      ['a', 'Alpha'],
      ['c', 'Poll'],
    ]);
    expect(edition.sections[1]).toMatchObject({ options: ['x', 'y', 'z'] });
  });

  it('never loses or duplicates a section under concurrent moves and removes', () => {
    const a = new Y.Doc();
    for (const id of ['s1', 's2', 's3', 's4']) addSection(a, id, story(id));
    const b = new Y.Doc();
    sync(a, b);
    moveSection(a, 's1', 3);
    moveSection(b, 's1', 1);
    moveSection(b, 's4', 0);
    sync(a, b);
    expect(readOrder(a)).toEqual(readOrder(b));
    expect([...readOrder(a)].sort()).toEqual(['s1', 's2', 's3', 's4']);
    moveSection(a, 's2', 0);
    removeSection(b, 's2');
    sync(a, b);
    expect(readOrder(a)).toEqual(readOrder(b));
    expect(readOrder(a)).not.toContain('s2');
    expect(readOrder(a)).toHaveLength(3);
  });

  it('applyEdition brings a doc to a model by writing only differences', () => {
    const edition = restoreEdition(generateEdition(3, 5));
    const { edition: doc } = editionToDocs(edition);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    applyEdition(doc, edition);
    expect(updates).toHaveLength(0);
    const changed = {
      ...edition,
      title: 'New title',
      sections: edition.sections.slice(1).reverse(),
    };
    applyEdition(doc, changed);
    expect(updates).toHaveLength(1);
    expect(
      readEdition(edition.id, doc, (id) => edition.sections.find((s) => s.id === id)!.body),
    ).toEqual(changed);
  });

  it('reads bodies written by headless Lexical', () => {
    const edition = restoreEdition(generateEdition(9, 3));
    const docs = editionToDocs(edition);
    // Lexical writes a tab out whole ({type: 'tab', text: '\t', detail, ...}); the model's
    // canonical form is {type: 'tab'}. Everything else must already be as written.
    const compactTabs = (body: SectionBody): unknown =>
      JSON.parse(JSON.stringify(body), (_, value: unknown) =>
        isRecord(value) && value.type === 'tab' ? { type: 'tab', version: 1 } : value,
      );
    expect(compactTabs(readBody(docs.sections.get(edition.sections[0]!.id)!))).toEqual(
      edition.sections[0]!.body,
    );
  });
});

describe('the sample edition', () => {
  it('is already in canonical form and round-trips through Yjs unchanged', async () => {
    const { default: sample } = await import('../../../resources/sample-edition.json', {
      with: { type: 'json' },
    });
    const edition = restoreEdition(sample);
    expect(edition).toEqual(sample);
    expect(docsToEdition(edition.id, viaUpdates(editionToDocs(edition)))).toEqual(edition);
    expect(new Set(edition.sections.map((s) => s.kind))).toEqual(
      new Set(['story', 'intro', 'sponsor', 'poll', 'feedback']),
    );
  });
});
