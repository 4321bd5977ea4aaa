import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addThread, setResolved } from '../../core/index.ts';
import { CommentsStore } from './CommentsStore.ts';

const ada = { id: 'ada', name: 'Ada', color: '#123456' };
const bodyAnchor = (sectionId: string) => ({ sectionId, field: 'body', start: null, end: null });

describe('CommentsStore', () => {
  it('follows the edition doc, including edits made by another replica', () => {
    const doc = new Y.Doc();
    const store = new CommentsStore(doc);
    const stop = store.start();
    let changes = 0;
    store.subscribe(() => (changes += 1));
    const other = new Y.Doc();
    const id = addThread(other, { anchor: bodyAnchor('s1'), quote: 'q', author: ada, text: 'hi' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(store.getSnapshot().threads.map((t) => t.id)).toEqual([id]);
    setResolved(doc, id, true, ada);
    expect(store.getSnapshot().threads[0]!.resolved).toBe(true);
    expect(changes).toBeGreaterThanOrEqual(2);
    stop();
    addThread(doc, { anchor: bodyAnchor('s1'), quote: 'q2', author: ada, text: 'later' });
    expect(store.getSnapshot().threads).toHaveLength(1);
  });

  it('tells listeners only when an anchor really moved', () => {
    const store = new CommentsStore(new Y.Doc());
    let changes = 0;
    store.subscribe(() => (changes += 1));
    store.reportStatus(new Map([['t', { start: 3, text: 'fox', deleted: false }]]));
    store.reportStatus(new Map([['t', { start: 3, text: 'fox', deleted: false }]]));
    expect(changes).toBe(1);
    store.reportStatus(new Map([['t', { start: 9, text: 'fox', deleted: false }]]));
    expect(changes).toBe(2);
    expect(store.getSnapshot().status.get('t')).toEqual({ start: 9, text: 'fox', deleted: false });
  });

  it('keeps a jump until the section can show it, then makes it once', () => {
    const doc = new Y.Doc();
    const store = new CommentsStore(doc);
    const stop = store.start();
    const id = addThread(doc, { anchor: bodyAnchor('s1'), quote: 'q', author: ada, text: 'hi' });
    store.jumpTo(id);
    expect(store.getSnapshot().active).toBe(id);
    const jumps: string[] = [];
    let ready = false;
    // The editor mounts before its text has synced: the jump waits for the text.
    store.registerJumper('s2', () => true);
    store.registerJumper('s1', (threadId) => {
      if (ready) jumps.push(threadId);
      return ready;
    });
    expect(jumps).toEqual([]);
    ready = true;
    store.retryPendingJump('s1');
    store.retryPendingJump('s1');
    expect(jumps).toEqual([id]);
    stop();
  });

  it('asks for the panel when a comment is started or a thread is opened from the text', () => {
    const store = new CommentsStore(new Y.Doc());
    let requests = 0;
    store.onPanelRequest(() => (requests += 1));
    store.startDraft({ anchor: bodyAnchor('s1'), quote: 'fox' });
    expect(store.getSnapshot().draft?.quote).toBe('fox');
    store.setActive('t1', true);
    store.setActive('t1');
    expect(requests).toBe(2);
    store.cancelDraft();
    expect(store.getSnapshot().draft).toBeNull();
  });
});
