import { join } from 'node:path';
import { $getRoot, $isElementNode, $isTextNode } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import {
  editionRoom,
  markdownToBody,
  openBodySession,
  removeSection,
  sectionRoom,
  writeBody,
  type Result,
} from '../../core/index.ts';
import { useTempDir } from '../../../test/helpers/tempDir.ts';
import { openBackend, type Backend } from '../openBackend.ts';

const tempDir = useTempDir();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const MARKDOWN = `# Weekly 7

## First story

The quokka census grew by forty percent this year.

## Second story

Rivers are rising fast.
`;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function codeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

async function openWithEdition(): Promise<{
  backend: Backend;
  editionId: string;
  sectionIds: string[];
}> {
  const backend = await openBackend(join(tempDir(), 'g.db'));
  cleanups.push(() => backend.close());
  const { summary } = value(await backend.invoke('editions.import', { markdown: MARKDOWN }));
  const { edition } = value(await backend.invoke('editions.get', { id: summary.id }));
  return { backend, editionId: summary.id, sectionIds: edition.sections.map((s) => s.id) };
}

const ana = { name: 'Ana Lima', color: '#2563eb' };

describe('comments through the API', () => {
  it('adds, replies, edits, resolves, reopens and deletes, listing anchors with their text now', async () => {
    const { backend, editionId, sectionIds } = await openWithEdition();
    const [first] = sectionIds;
    const thread = value(
      await backend.invoke('comments.add', {
        editionId,
        sectionId: first,
        quote: 'forty percent',
        text: 'Source for this?',
        author: ana,
      }),
    );
    expect(thread).toMatchObject({
      quote: 'forty percent',
      anchorText: 'forty percent',
      onDeletedText: false,
      sectionTitle: 'First story',
      anchor: { sectionId: first, field: 'body' },
      author: { name: 'Ana Lima', color: '#2563eb' },
      resolved: false,
    });

    // Bo answers and mentions Ana, whom the edition knows since her comment.
    const reply = value(
      await backend.invoke('comments.reply', {
        editionId,
        threadId: thread.id,
        text: '@Ana Lima the census office, linked below',
        author: { name: 'Bo' },
      }),
    );
    expect(reply.thread.messages).toHaveLength(2);
    expect(reply.thread.messages[1]!.mentions).toEqual([thread.author.id]);
    // The same name is the same person on the next call.
    const again = value(
      await backend.invoke('comments.reply', {
        editionId,
        threadId: thread.id,
        text: 'and the press release',
        author: { name: 'bo' },
      }),
    );
    expect(again.thread.messages[2]!.author.id).toBe(reply.thread.messages[1]!.author.id);

    const edited = value(
      await backend.invoke('comments.edit', {
        editionId,
        threadId: thread.id,
        messageId: reply.messageId,
        text: 'The census office',
      }),
    );
    expect(edited.messages[1]).toMatchObject({ text: 'The census office', mentions: [] });
    expect(edited.messages[1]!.editedAt).not.toBeNull();

    value(await backend.invoke('comments.resolve', { editionId, threadId: thread.id, by: ana }));
    expect(value(await backend.invoke('comments.list', { editionId }))).toMatchObject({
      threads: [],
      open: 0,
      resolved: 1,
    });
    const resolved = value(
      await backend.invoke('comments.list', { editionId, status: 'resolved' }),
    );
    expect(resolved.threads[0]).toMatchObject({ resolved: true, resolvedBy: { name: 'Ana Lima' } });
    value(await backend.invoke('comments.reopen', { editionId, threadId: thread.id }));
    expect(value(await backend.invoke('comments.list', { editionId })).open).toBe(1);

    const deleted = value(
      await backend.invoke('comments.delete', {
        editionId,
        threadId: thread.id,
        messageId: reply.messageId,
      }),
    );
    expect(deleted.deleted).toBe('message');
    expect(deleted.thread!.messages[1]).toMatchObject({ deleted: true, text: '' });
    expect(
      value(await backend.invoke('comments.delete', { editionId, threadId: thread.id })),
    ).toEqual({ deleted: 'thread', thread: null });
    expect(
      value(await backend.invoke('comments.list', { editionId, status: 'all' })).threads,
    ).toEqual([]);
  });

  it('comments on a section title and an edition field, whose text is the field now', async () => {
    const { backend, editionId, sectionIds } = await openWithEdition();
    const onTitle = value(
      await backend.invoke('comments.add', {
        editionId,
        sectionId: sectionIds[1]!,
        field: 'title',
        quote: '',
        text: 'Punchier title?',
        author: ana,
      }),
    );
    expect(onTitle).toMatchObject({ quote: 'Second story', anchorText: 'Second story' });
    const onTitleOfEdition = value(
      await backend.invoke('comments.add', {
        editionId,
        sectionId: null,
        field: 'title',
        quote: 'Weekly',
        text: 'Add the date',
        author: ana,
      }),
    );
    expect(onTitleOfEdition).toMatchObject({
      anchor: { sectionId: null, field: 'title', start: null, end: null },
      anchorText: 'Weekly 7',
      sectionTitle: null,
    });
  });

  it('rejects unknown editions, sections, threads, messages, fields and quotes with named codes', async () => {
    const { backend, editionId, sectionIds } = await openWithEdition();
    const base = { editionId, sectionId: sectionIds[0]!, quote: 'quokka', text: 'x', author: ana };
    expect(codeOf(await backend.invoke('comments.add', { ...base, editionId: 'nope' }))).toBe(
      'not-found',
    );
    expect(codeOf(await backend.invoke('comments.add', { ...base, sectionId: 'nope' }))).toBe(
      'section-not-found',
    );
    const missing = await backend.invoke('comments.add', { ...base, quote: 'wombat' });
    expect(codeOf(missing)).toBe('quote-not-found');
    expect(missing.ok ? '' : missing.error.message).toContain('First story');
    expect(codeOf(await backend.invoke('comments.add', { ...base, quote: '' }))).toBe(
      'invalid-input',
    );
    expect(codeOf(await backend.invoke('comments.add', { ...base, field: 'sponsor' }))).toBe(
      'field-not-found',
    );
    expect(
      codeOf(await backend.invoke('comments.add', { ...base, sectionId: null, field: 'order' })),
    ).toBe('field-not-found');
    expect(
      codeOf(await backend.invoke('comments.add', { ...base, text: 'x'.repeat(10_001) })),
    ).toBe('invalid-input');
    expect(codeOf(await backend.invoke('comments.add', { ...base, text: '   ' }))).toBe(
      'invalid-input',
    );
    const thread = value(await backend.invoke('comments.add', base));
    expect(
      codeOf(
        await backend.invoke('comments.reply', {
          editionId,
          threadId: 'nope',
          text: 'x',
          author: ana,
        }),
      ),
    ).toBe('thread-not-found');
    expect(
      codeOf(
        await backend.invoke('comments.edit', {
          editionId,
          threadId: thread.id,
          messageId: 'nope',
          text: 'x',
        }),
      ),
    ).toBe('message-not-found');
    expect(
      codeOf(await backend.invoke('comments.resolve', { editionId, threadId: 'nope', by: ana })),
    ).toBe('thread-not-found');
    // Nothing was written by the failed calls.
    expect(
      value(await backend.invoke('comments.list', { editionId, status: 'all' })).threads,
    ).toHaveLength(1);
  });

  it('follows the anchored phrase through edits and says when its text was deleted', async () => {
    const { backend, editionId, sectionIds } = await openWithEdition();
    const sectionId = sectionIds[0]!;
    const thread = value(
      await backend.invoke('comments.add', {
        editionId,
        sectionId,
        quote: 'grew by forty percent',
        text: 'Check the number',
        author: ana,
      }),
    );
    await backend.editions.host.change(sectionRoom(sectionId), (doc) => {
      const session = openBodySession(doc);
      session.update(() => {
        const paragraph = $getRoot().getFirstChild();
        const text = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
        if (!$isTextNode(text)) throw new Error('no text node');
        text.spliceText(0, 0, 'Good news: ');
      });
      session.dispose();
    });
    const [moved] = value(await backend.invoke('comments.list', { editionId })).threads;
    expect(moved).toMatchObject({ anchorText: 'grew by forty percent', onDeletedText: false });

    await backend.editions.host.change(sectionRoom(sectionId), (doc) =>
      writeBody(doc, markdownToBody('The census is out.').body),
    );
    const [gone] = value(await backend.invoke('comments.list', { editionId })).threads;
    expect(gone).toMatchObject({
      id: thread.id,
      quote: 'grew by forty percent',
      anchorText: '',
      onDeletedText: true,
    });

    // A thread on a section that was removed stays, on deleted text, without a section title.
    const onTitle = value(
      await backend.invoke('comments.add', {
        editionId,
        sectionId: sectionIds[1]!,
        field: 'title',
        quote: 'Second',
        text: 'Rename?',
        author: ana,
      }),
    );
    await backend.editions.host.change(editionRoom(editionId), (doc) =>
      removeSection(doc, sectionIds[1]!),
    );
    const listed = value(await backend.invoke('comments.list', { editionId })).threads;
    expect(listed.find((t) => t.id === onTitle.id)).toMatchObject({
      quote: 'Second',
      sectionTitle: null,
      onDeletedText: true,
    });
    const reply = await backend.invoke('comments.add', {
      editionId,
      sectionId: sectionIds[1]!,
      quote: 'Rivers',
      text: 'x',
      author: ana,
    });
    expect(codeOf(reply)).toBe('section-not-found');
  });

  it('returns hostile comment text as the plain data it was given', async () => {
    const { backend, editionId, sectionIds } = await openWithEdition();
    const hostile =
      '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>';
    const thread = value(
      await backend.invoke('comments.add', {
        editionId,
        sectionId: sectionIds[1]!,
        quote: 'Rivers',
        text: hostile,
        author: { name: '<b onmouseover="x()">Mallory</b>' },
      }),
    );
    const [listed] = value(await backend.invoke('comments.list', { editionId })).threads;
    expect(listed!.messages[0]!.text).toBe(hostile);
    expect(listed!.author.name).toBe('<b onmouseover="x()">Mallory</b>');
    expect(listed!.id).toBe(thread.id);
  });
});
