import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createTextNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { openBodySession, writeBody } from '../lexical/bodySession.ts';
import { markdownToBody } from '../import/markdownToBody.ts';
import {
  addReply,
  addThread,
  deleteMessage,
  editMessage,
  getThread,
  readThreads,
  setResolved,
} from './commentsDoc.ts';
import { anchorForQuote, resolveAnchor } from './anchors.ts';
import { bodyPositions, bodyRoot } from './bodyPositions.ts';
import { editorOfClient, readEditors, recordClient, recordEditor } from './editorsDoc.ts';
import { findMentions } from './mentions.ts';

const ana = { id: 'ana', name: 'Ana Lima', color: '#2563eb' };
const bo = { id: 'bo', name: 'Bo', color: '#16a34a' };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function sectionDoc(markdown: string): Y.Doc {
  const doc = new Y.Doc();
  writeBody(doc, markdownToBody(markdown).body);
  return doc;
}

describe('comment threads in the edition doc', () => {
  it('keeps concurrent replies from two replicas, resolves, and tombstones a deleted reply', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addThread(a, {
      anchor: { sectionId: 's1', field: 'title', start: null, end: null },
      quote: 'Top stories',
      author: ana,
      text: 'Shorter title?',
    });
    sync(a, b);
    const fromA = addReply(a, id, ana, 'Or keep it')!;
    addReply(b, id, bo, '@Ana Lima agreed', findMentions('@Ana Lima agreed', [ana, bo]));
    sync(a, b);
    expect(readThreads(a)).toEqual(readThreads(b));
    const thread = getThread(b, id)!;
    expect(thread.messages.map((m) => m.text).sort()).toEqual(
      ['@Ana Lima agreed', 'Or keep it', 'Shorter title?'].sort(),
    );
    expect(thread.messages.find((m) => m.author.id === 'bo')?.mentions).toEqual(['ana']);

    expect(editMessage(a, id, fromA, 'Or keep it as is')).toBe(true);
    expect(deleteMessage(a, id, fromA)).toBe(true);
    setResolved(b, id, true, bo);
    sync(a, b);
    const after = getThread(a, id)!;
    expect(after.resolved).toBe(true);
    expect(after.resolvedBy?.name).toBe('Bo');
    expect(after.messages.find((m) => m.id === fromA)).toMatchObject({ deleted: true, text: '' });
  });

  it('deletes a thread whose only message is deleted, and skips malformed entries', () => {
    const doc = new Y.Doc();
    const id = addThread(doc, {
      anchor: { sectionId: null, field: 'subject', start: null, end: null },
      quote: 'x',
      author: ana,
      text: 'hm',
    });
    const first = getThread(doc, id)!.messages[0]!.id;
    expect(deleteMessage(doc, id, first)).toBe(true);
    expect(readThreads(doc)).toEqual([]);
    doc.getMap('comments').set('junk', new Y.Map());
    doc.getMap('comments').set('worse', 'text' as never);
    expect(readThreads(doc)).toEqual([]);
  });
});

describe('body anchors', () => {
  it('follow their phrase through a concurrent insertion before it and an offline merge', () => {
    const a = sectionDoc('The launch moved to *Thursday* this week.\n\nSecond paragraph.');
    const b = new Y.Doc();
    sync(a, b);
    const anchor = anchorForQuote(a, 's1', 'moved to Thursday')!;
    expect(anchor).not.toBeNull();
    expect(resolveAnchor(a, anchor)?.text).toBe('moved to Thursday');

    // B, apart, types before the anchor (into the same text node, as typing does) and after it.
    const session = openBodySession(b);
    session.update(() => {
      const first = $getRoot().getFirstChild();
      if (!$isElementNode(first)) throw new Error('no paragraph');
      const text = first.getFirstChild();
      if (!$isTextNode(text)) throw new Error('no text');
      text.spliceText(0, 0, 'Update: ');
      first.append($createTextNode(' Really.'));
    });
    session.dispose();
    sync(a, b);
    const moved = resolveAnchor(a, anchor)!;
    expect(moved.text).toBe('moved to Thursday');
    expect(moved.deleted).toBe(false);
    expect(bodyPositions(bodyRoot(a)).text.startsWith('Update: The launch')).toBe(true);
  });

  it('says the text was deleted when the phrase is gone', () => {
    const doc = sectionDoc('Keep this. Remove this phrase. Keep that.');
    const anchor = anchorForQuote(doc, 's1', 'Remove this phrase.')!;
    writeBody(doc, markdownToBody('Keep this. Keep that.').body);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ deleted: true, text: '' });
  });

  it('finds no anchor for a quote that is not in the body', () => {
    expect(anchorForQuote(sectionDoc('Hello'), 's1', 'absent')).toBeNull();
  });
});

describe('editors', () => {
  it('records editors once and maps client ids to them', () => {
    const doc = new Y.Doc();
    recordEditor(doc, ana);
    const before = Y.encodeStateVector(doc);
    recordEditor(doc, ana);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    recordEditor(doc, bo);
    recordClient(doc, 4242, 'bo');
    expect(readEditors(doc).map((p) => p.name)).toEqual(['Ana Lima', 'Bo']);
    expect(editorOfClient(doc, 4242)?.name).toBe('Bo');
    expect(editorOfClient(doc, 1)).toBeNull();
  });

  it('reads the longest matching name in a mention', () => {
    const ana2 = { id: 'a2', name: 'Ana', color: '#000000' };
    expect(findMentions('cc @ana lima, @Bo.', [ana2, ana, bo]).sort()).toEqual(['ana', 'bo']);
    expect(findMentions('email@Bob', [bo])).toEqual([]);
  });
});
