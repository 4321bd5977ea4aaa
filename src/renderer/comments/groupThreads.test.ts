import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../../core/index.ts';
import { fieldLabel, filterCounts, groupThreads } from './groupThreads.ts';

const person = { id: 'p', name: 'Pat', color: '#123456' };

function thread(
  id: string,
  sectionId: string | null,
  options: { field?: string; resolved?: boolean; mentions?: string[]; createdAt?: string } = {},
): CommentThread {
  return {
    id,
    anchor: { sectionId, field: options.field ?? 'body', start: null, end: null },
    quote: id,
    author: person,
    createdAt: options.createdAt ?? '2026-01-01T00:00:00.000Z',
    resolved: options.resolved ?? false,
    resolvedBy: null,
    resolvedAt: null,
    messages: [
      {
        id: `${id}-m`,
        author: person,
        text: 'hi',
        createdAt: '2026-01-01T00:00:00.000Z',
        editedAt: null,
        deleted: false,
        mentions: options.mentions ?? [],
      },
    ],
  };
}

describe('groupThreads', () => {
  const threads = [
    thread('late-b', 'b', { createdAt: '2026-01-03T00:00:00.000Z' }),
    thread('early-b', 'b', { createdAt: '2026-01-02T00:00:00.000Z' }),
    thread('title-b', 'b', { field: 'title', createdAt: '2026-01-09T00:00:00.000Z' }),
    thread('in-a', 'a'),
    thread('subject', null, { field: 'subject' }),
    thread('gone', 'removed'),
    thread('done', 'a', { resolved: true, mentions: ['me'] }),
  ];

  it('groups open threads by section in reading order, header first, removed sections last', () => {
    const groups = groupThreads(threads, ['a', 'b'], 'open', 'me');
    expect(groups.map((g) => g.sectionId)).toEqual([null, 'a', 'b', 'removed']);
    // Field comments first, then by age when positions are unknown.
    expect(groups[2]!.threads.map((t) => t.id)).toEqual(['title-b', 'early-b', 'late-b']);
  });

  it('orders body threads by where their text is now when the editor reported it', () => {
    const where: Record<string, number> = { 'late-b': 3, 'early-b': 40 };
    const groups = groupThreads(threads, ['a', 'b'], 'open', 'me', (id) => where[id]);
    expect(groups[2]!.threads.map((t) => t.id)).toEqual(['title-b', 'late-b', 'early-b']);
  });

  it('filters resolved threads and threads mentioning me', () => {
    expect(groupThreads(threads, ['a', 'b'], 'resolved', 'me')).toEqual([
      { sectionId: 'a', threads: [threads[6]] },
    ]);
    expect(groupThreads(threads, ['a'], 'mentions', 'me').flatMap((g) => g.threads)).toEqual([
      threads[6],
    ]);
    expect(groupThreads(threads, ['a'], 'mentions', 'someone-else')).toEqual([]);
  });

  it('counts what each filter shows', () => {
    expect(filterCounts(threads, 'me')).toEqual({ open: 6, resolved: 1, mentions: 1 });
  });
});

describe('fieldLabel', () => {
  it('names known fields and falls back to the stored name', () => {
    expect(fieldLabel('subject')).toBe('the subject line');
    expect(fieldLabel('mystery')).toBe('the mystery field');
  });
});
