import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeBody } from '../lexical/bodySession.ts';
import { markdownToBody } from '../import/markdownToBody.ts';
import {
  addSection,
  moveSection,
  removeSection,
  setEditionMeta,
  setSectionFields,
} from '../yjs/editionDoc.ts';
import { bodyChars } from './bodyChars.ts';
import { bodyPositions, bodyRoot } from './bodyPositions.ts';
import { newTextSince } from './changedSince.ts';
import { diffBody } from './diffBody.ts';
import { diffEdition } from './diffEdition.ts';
import { diffText } from './diffTokens.ts';
import { editorOfClient, recordClient, recordEditor } from './editorsDoc.ts';

const ana = { id: 'ana', name: 'Ana Lima', color: '#2563eb' };
const bo = { id: 'bo', name: 'Bo', color: '#16a34a' };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** The nth block (paragraph) XmlText of a body doc. */
function block(doc: Y.Doc, n: number): Y.XmlText {
  const items = (bodyRoot(doc).toDelta() as Array<{ insert: unknown }>)
    .map((op) => op.insert)
    .filter((x): x is Y.XmlText => x instanceof Y.XmlText);
  return items[n]!;
}

/** Types into a paragraph the way Lexical's binding does: characters after the text map. */
function type(doc: Y.Doc, paragraph: number, at: number, text: string) {
  block(doc, paragraph).insert(1 + at, text);
}

function copy(doc: Y.Doc, clientID: number): Y.Doc {
  const next = new Y.Doc();
  next.clientID = clientID;
  Y.applyUpdate(next, Y.encodeStateAsUpdate(doc));
  return next;
}

describe('word diff', () => {
  it('keeps the common words and reports the replaced ones', () => {
    expect(diffText('The launch is on Monday.', 'The launch is on Thursday, 9am.')).toEqual([
      { kind: 'same', text: 'The launch is on ', at: 0 },
      { kind: 'delete', text: 'Monday', at: 17 },
      { kind: 'insert', text: 'Thursday, 9am', at: 17 },
      { kind: 'same', text: '.', at: 30 },
    ]);
    expect(diffText('same', 'same')).toEqual([{ kind: 'same', text: 'same', at: 0 }]);
    expect(diffText('', 'new')).toEqual([{ kind: 'insert', text: 'new', at: 0 }]);
  });
});

describe('body diff with authors', () => {
  it('credits each insertion to the editor of its Yjs client and leaves deletions uncredited', () => {
    const seeded = new Y.Doc();
    writeBody(seeded, markdownToBody('Hello readers.\n\nSecond paragraph here.').body);
    const edition = new Y.Doc();
    recordEditor(edition, ana);
    recordEditor(edition, bo);
    const a = copy(seeded, 101);
    // Bo's client id is above 2^31, as half of all Yjs client ids are.
    const b = copy(seeded, 3_000_000_202);
    recordClient(edition, 101, 'ana');
    recordClient(edition, 3_000_000_202, 'bo');
    const before = copy(seeded, 1);

    type(a, 0, 'Hello'.length, ' dear');
    type(b, 1, 'Second paragraph'.length, ' from Bo');
    block(b, 1).delete(1, 'Second '.length);
    sync(a, b);
    expect(bodyPositions(bodyRoot(a)).text).toBe(bodyChars(bodyRoot(a)).text);
    expect(bodyChars(bodyRoot(a)).text).toBe('Hello dear readers.\nparagraph from Bo here.');

    const runs = diffBody(before, a, (client) => editorOfClient(edition, client));
    expect(runs).toEqual([
      { kind: 'same', text: 'Hello ' },
      { kind: 'insert', text: 'dear ', author: ana },
      { kind: 'same', text: 'readers.\n' },
      { kind: 'delete', text: 'Second ' },
      { kind: 'same', text: 'paragraph' },
      { kind: 'insert', text: ' from Bo', author: bo },
      { kind: 'same', text: ' here.' },
    ]);
    // The same text from the other replica reads the same.
    expect(diffBody(before, b, (client) => editorOfClient(edition, client))).toEqual(runs);
  });

  it('names no author for a client the edition never recorded', () => {
    const seeded = new Y.Doc();
    writeBody(seeded, markdownToBody('One.').body);
    const after = copy(seeded, 303);
    type(after, 0, 0, 'Zero. ');
    expect(diffBody(seeded, after, () => null)).toContainEqual({
      kind: 'insert',
      text: 'Zero. ',
      author: null,
    });
  });
});

describe('new text since a state vector', () => {
  it('finds what others typed after the state vector, not what I typed', () => {
    const seeded = new Y.Doc();
    writeBody(seeded, markdownToBody('Hello readers.').body);
    const mine = copy(seeded, 11);
    const seen = Y.decodeStateVector(Y.encodeStateVector(mine));
    const theirs = copy(seeded, 22);
    type(theirs, 0, 0, 'News: ');
    type(mine, 0, 'Hello readers'.length, ' all');
    sync(mine, theirs);
    const found = newTextSince(bodyRoot(mine), seen, (client) => client === 11);
    expect(found).toHaveLength(1);
    const text = bodyChars(bodyRoot(mine)).text;
    expect(text.slice(found[0]!.flat, found[0]!.flat + found[0]!.length)).toBe('News: ');
    expect(found[0]!.client).toBe(22);
    expect(
      newTextSince(bodyRoot(mine), Y.decodeStateVector(Y.encodeStateVector(mine)), () => false),
    ).toEqual([]);
  });
});

describe('edition diff', () => {
  it('reports header fields, section fields, added, removed and moved sections', () => {
    const before = new Y.Doc();
    setEditionMeta(before, { title: 'Issue 4', subject: 'Hi' });
    for (const id of ['s1', 's2', 's3'])
      addSection(before, id, {
        kind: 'story',
        title: `Story ${id}`,
        status: 'draft',
        assignee: '',
      });
    const bodies = new Map(
      ['s1', 's2', 's3'].map((id) => {
        const doc = new Y.Doc();
        writeBody(doc, markdownToBody(`Body of ${id}.`).body);
        return [id, doc] as const;
      }),
    );
    const after = copy(before, 5);
    setEditionMeta(after, { subject: 'Hello' });
    setSectionFields(after, 's2', { title: 'Renamed' });
    moveSection(after, 's1', 2);
    removeSection(after, 's3');
    addSection(after, 's4', { kind: 'story', title: 'New one', status: 'draft', assignee: '' });
    const afterBodies = new Map([...bodies].map(([id, doc]) => [id, copy(doc, 9)]));
    afterBodies.delete('s3');

    const diff = diffEdition(
      'e1',
      { edition: before, sections: bodies },
      { edition: after, sections: afterBodies },
    );
    expect(diff.changed).toBe(true);
    expect(diff.meta).toEqual([{ field: 'subject', before: 'Hi', after: 'Hello' }]);
    const byId = new Map(diff.sections.map((s) => [s.sectionId, s]));
    expect(diff.sections.map((s) => s.sectionId)).toEqual(['s2', 's3', 's1', 's4']);
    expect(byId.get('s2')).toMatchObject({
      fields: [{ field: 'title', before: 'Story s2', after: 'Renamed' }],
      moved: false,
      changed: true,
    });
    expect(byId.get('s1')).toMatchObject({ moved: true, fields: [], changed: true });
    expect(byId.get('s3')).toMatchObject({
      removed: true,
      body: [{ kind: 'delete', text: 'Body of s3.' }],
    });
    expect(byId.get('s4')).toMatchObject({ added: true, body: [] });

    const same = diffEdition(
      'e1',
      { edition: before, sections: bodies },
      { edition: before, sections: bodies },
    );
    expect(same.changed).toBe(false);
    expect(same.sections.every((s) => !s.changed)).toBe(true);
  });
});
