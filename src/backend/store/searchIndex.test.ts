import { describe, expect, it } from 'vitest';
import { useStoreFiles } from '../../../test/helpers/storeFiles.ts';
import { toFtsQuery } from './ftsQuery.ts';
import type { EditionSummaryInput, Store } from './Store.ts';

const FIXED = new Date('2025-03-01T09:00:00.000Z');

function summary(id: string, extra: Partial<EditionSummaryInput> = {}): EditionSummaryInput {
  return {
    id,
    title: `Edition ${id}`,
    subject: '',
    status: 'draft',
    number: null,
    publishDate: null,
    wordCount: 0,
    sectionCount: 0,
    ...extra,
  };
}

function seed(store: Store): void {
  store.upsertEditionIndex(summary('e1', { title: 'Spring garden notes', number: 1 }));
  store.replaceSearchText('e1', [
    {
      sectionId: null,
      title: 'Spring garden notes',
      text: 'Tulips and crocuses\nOur spring issue',
    },
    { sectionId: 's1', title: 'Compost', text: 'How to start a compost heap in a small garden.' },
    {
      sectionId: 's2',
      title: 'Café corner',
      text: 'The new café by the allotments serves crêpes.',
    },
  ]);
  store.upsertEditionIndex(summary('e2', { title: 'Autumn harvest', number: 2 }));
  store.replaceSearchText('e2', [
    { sectionId: null, title: 'Autumn harvest', text: 'Apples, pears and garden chores' },
    { sectionId: 's3', title: 'Pumpkins', text: 'Growing pumpkins for the harvest festival.' },
  ]);
}

describe('search', () => {
  const stores = useStoreFiles();

  it('matches every word, best first, with a snippet', () => {
    const store = stores.open();
    seed(store);
    const hits = store.search('compost garden');
    expect(hits).toEqual([
      {
        editionId: 'e1',
        sectionId: 's1',
        title: 'Compost',
        snippet: expect.stringContaining('**compost**'),
      },
    ]);
    // A title match outweighs a match in the text.
    expect(store.search('harvest').map((h) => h.sectionId)).toEqual([null, 's3']);
  });

  it('treats the last word as a prefix, and ignores accents', () => {
    const store = stores.open();
    seed(store);
    expect(store.search('pumpk').map((h) => h.sectionId)).toEqual(['s3']);
    expect(store.search('cafe crepes').map((h) => h.sectionId)).toEqual(['s2']);
    expect(store.search('CAFÉ').map((h) => h.sectionId)).toEqual(['s2']);
  });

  it('never throws on hostile or empty input', () => {
    const store = stores.open();
    seed(store);
    for (const query of [
      '',
      '   ',
      '*',
      'foo"bar',
      'AND (',
      '"',
      'NEAR(a b)',
      'title:x',
      '-',
      '^',
      "'",
      '(((',
      'a OR',
      'NOT',
    ]) {
      expect(() => store.search(query), query).not.toThrow();
    }
    expect(store.search('')).toEqual([]);
    expect(store.search('*')).toEqual([]);
    // Operators are words like any other: "AND (" looks for the word "and".
    expect(store.search('and').length).toBeGreaterThan(0);
    expect(store.search('AND (').length).toBe(store.search('and').length);
  });

  it('limits the number of hits', () => {
    const store = stores.open();
    seed(store);
    expect(store.search('garden', 1)).toHaveLength(1);
    expect(store.search('garden').length).toBeGreaterThan(1);
  });

  it('leaves out trashed editions and brings them back when restored', () => {
    const store = stores.open();
    seed(store);
    store.markEditionDeleted('e2', true);
    expect(store.search('pumpkins')).toEqual([]);
    expect(store.search('garden').every((hit) => hit.editionId === 'e1')).toBe(true);
    store.markEditionDeleted('e2', false);
    expect(store.search('pumpkins')).toHaveLength(1);
  });

  it('replaceSearchText replaces the previous entries of that edition only', () => {
    const store = stores.open();
    seed(store);
    store.replaceSearchText('e1', [{ sectionId: 's9', title: 'Bees', text: 'Wild bees' }]);
    expect(store.search('compost')).toEqual([]);
    expect(store.search('bees').map((h) => h.sectionId)).toEqual(['s9']);
    expect(store.search('pumpkins')).toHaveLength(1);
    store.replaceSearchText('e1', []);
    expect(store.search('bees')).toEqual([]);
  });

  it('refuses search text for an edition that is not indexed', () => {
    const store = stores.open();
    expect(() => store.replaceSearchText('nope', [])).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
  });
});

describe('toFtsQuery', () => {
  it('quotes every term and makes the last one a prefix', () => {
    expect(toFtsQuery('spring garden')).toBe('"spring" "garden"*');
    expect(toFtsQuery('foo"bar')).toBe('"foo""bar"*');
    expect(toFtsQuery('AND (')).toBe('"AND"*');
    expect(toFtsQuery(' * - ( ')).toBeNull();
  });
});

describe('editions index', () => {
  const stores = useStoreFiles();

  it('upserts, reads back and keeps the creation date', () => {
    let now = FIXED;
    const store = stores.open(undefined, { now: () => now });
    store.upsertEditionIndex(summary('e1', { wordCount: 10, sectionCount: 2 }));
    expect(store.getEditionSummary('e1')).toEqual({
      ...summary('e1', { wordCount: 10, sectionCount: 2 }),
      createdAt: FIXED.toISOString(),
      updatedAt: FIXED.toISOString(),
      deletedAt: null,
      sentAt: null,
    });
    now = new Date('2025-03-02T10:00:00.000Z');
    store.upsertEditionIndex(summary('e1', { title: 'Renamed', status: 'review' }));
    expect(store.getEditionSummary('e1')).toMatchObject({
      title: 'Renamed',
      status: 'review',
      createdAt: FIXED.toISOString(),
      updatedAt: now.toISOString(),
    });
    expect(store.getEditionSummary('missing')).toBeNull();
  });

  it('lists unscheduled editions first, then by publish date, number and last change', () => {
    let now = FIXED;
    const store = stores.open(undefined, { now: () => now });
    const add = (id: string, extra: Partial<EditionSummaryInput>, at: string): void => {
      now = new Date(at);
      store.upsertEditionIndex(summary(id, extra));
    };
    add('old', { publishDate: '2025-01-01', number: 1, status: 'sent' }, '2025-01-01T00:00:00Z');
    add('newer', { publishDate: '2025-02-01', number: 2, status: 'sent' }, '2025-01-02T00:00:00Z');
    add('draftA', {}, '2025-01-03T00:00:00Z');
    add('draftB', {}, '2025-01-04T00:00:00Z');
    add(
      'sameDay',
      { publishDate: '2025-02-01', number: 3, status: 'ready' },
      '2025-01-05T00:00:00Z',
    );
    expect(store.listEditions().map((e) => e.id)).toEqual([
      'draftB',
      'draftA',
      'sameDay',
      'newer',
      'old',
    ]);
    expect(store.listEditions({ status: 'sent' }).map((e) => e.id)).toEqual(['newer', 'old']);
  });

  it('trashes and restores editions; lists trashed ones only when asked', () => {
    let now = FIXED;
    const store = stores.open(undefined, { now: () => now });
    store.upsertEditionIndex(summary('e1'));
    store.upsertEditionIndex(summary('e2'));
    store.markEditionDeleted('e1', true);
    expect(store.getEditionSummary('e1')?.deletedAt).toBe(FIXED.toISOString());
    now = new Date('2025-04-01T00:00:00Z');
    store.markEditionDeleted('e1', true);
    expect(store.getEditionSummary('e1')?.deletedAt).toBe(FIXED.toISOString());
    expect(store.listEditions().map((e) => e.id)).toEqual(['e2']);
    expect(
      store
        .listEditions({ includeDeleted: true })
        .map((e) => e.id)
        .sort(),
    ).toEqual(['e1', 'e2']);
    store.markEditionDeleted('e1', false);
    expect(store.getEditionSummary('e1')?.deletedAt).toBeNull();
    expect(() => store.markEditionDeleted('nope', true)).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
  });

  it('rejects summaries it cannot index', () => {
    const store = stores.open();
    expect(() => store.upsertEditionIndex(summary('bad id!'))).toThrow(/not a valid id/);
    expect(() =>
      store.upsertEditionIndex({ ...summary('e1'), status: 'published' as never }),
    ).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
