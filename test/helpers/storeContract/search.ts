import { expect, it } from 'vitest';
import type { GalleyStore } from '../../../src/backend/store/GalleyStore.ts';
import type { EditionSummaryInput } from '../../../src/backend/store/editionsIndex.ts';
import type { ContractContext } from './index.ts';

/** An edition summary with defaults for what a test does not care about. */
export function summary(id: string, extra: Partial<EditionSummaryInput> = {}): EditionSummaryInput {
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

const HOSTILE = [
  '"foo',
  'a AND (',
  '*',
  '-',
  'NEAR(',
  "'; drop table editions; --",
  '\\',
  "foo' & bar:*",
  '!!!',
  '<->',
  'title:foo',
  '日本語',
  '',
  '   ',
  'x'.repeat(5000),
  Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '),
];

async function indexed(store: GalleyStore): Promise<void> {
  await store.upsertEditionIndex(summary('e1', { title: 'Compilers weekly' }));
  await store.upsertEditionIndex(summary('e2', { title: 'Gardening notes' }));
  await store.replaceSearchText('e1', [
    { sectionId: null, title: 'Compilers weekly', text: 'Subject line\nA preheader' },
    { sectionId: 's1', title: 'Parsing', text: 'The parser reads tokens and builds a tree.' },
    { sectionId: 's2', title: 'Café talk', text: '日本語 text and naïve notes; foo-bar' },
  ]);
  await store.replaceSearchText('e2', [
    { sectionId: 's3', title: 'Roses', text: 'Compilers are not roses, but parsers grow.' },
  ]);
}

/** Full-text search and the search text it reads. */
export function searchContract(t: ContractContext): void {
  it('finds entries with every word, the last as a prefix, marked, title first', async () => {
    const store = await t.open();
    await indexed(store);
    const hits = await store.search('compilers');
    // A title match outranks a text match.
    expect(hits.map((h) => [h.editionId, h.sectionId])).toEqual([
      ['e1', null],
      ['e2', 's3'],
    ]);
    expect(hits[0]!.snippet).toContain('**Compilers**');
    expect(hits[1]!).toMatchObject({ title: 'Roses' });
    expect(hits[1]!.snippet).toContain('**Compilers**');
    const prefix = await store.search('parser tok');
    expect(prefix.map((h) => h.sectionId)).toEqual(['s1']);
    expect(prefix[0]!.snippet).toMatch(/\*\*tokens\*\*/);
    expect(await store.search('parser roses')).toEqual([]);
    expect((await store.search('日本語')).map((h) => h.sectionId)).toEqual(['s2']);
    expect((await store.search('naïve')).map((h) => h.sectionId)).toEqual(['s2']);
    expect((await store.search('foo-bar')).map((h) => h.sectionId)).toEqual(['s2']);
    expect(await store.search('compilers', 1)).toHaveLength(1);
  });

  it('answers any query without an error, and nothing for no searchable word', async () => {
    const store = await t.open();
    await indexed(store);
    for (const query of HOSTILE) {
      const hits = await store.search(query);
      expect(Array.isArray(hits)).toBe(true);
    }
    expect(await store.search('')).toEqual([]);
    expect(await store.search('*')).toEqual([]);
    expect(await store.search('-')).toEqual([]);
    // The quote is text, not syntax: the word is still a prefix ("parsers" too).
    expect((await store.search('"parser')).map((h) => h.sectionId).sort()).toEqual(['s1', 's3']);
    expect((await store.search('title:compilers')).length).toBe(0);
    expect(await store.listEditions()).toHaveLength(2);
  });

  it('leaves editions in the trash out, and finds them again when restored', async () => {
    const store = await t.open();
    await indexed(store);
    await store.markEditionDeleted('e2', true);
    expect((await store.search('compilers')).map((h) => h.editionId)).toEqual(['e1']);
    await store.markEditionDeleted('e2', false);
    expect((await store.search('roses')).map((h) => h.editionId)).toEqual(['e2']);
  });

  it('replaces an edition entries, keeps them as given, and needs the summary first', async () => {
    const store = await t.open();
    await indexed(store);
    const entries = [{ sectionId: 's9', title: 'New', text: 'fresh words' }];
    await store.replaceSearchText('e1', entries);
    expect(await store.getSearchEntries('e1')).toEqual(entries);
    expect(await store.search('parser')).toHaveLength(1);
    expect(await store.search('fresh')).toHaveLength(1);
    await expect(store.replaceSearchText('nope', entries)).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await store.getSearchEntries('nope')).toEqual([]);
  });
}
