import { describe, expect, it } from 'vitest';
import { findMentions } from '../../core/index.ts';
import {
  insertMention,
  mentionablePeople,
  mentionCandidates,
  mentionQuery,
} from './mentionPicker.ts';

const ana = { id: 'a', name: 'Ana Lima', color: '#aa0000' };
const anton = { id: 'b', name: 'Anton', color: '#00aa00' };
const grace = { id: 'g', name: 'Grace', color: '#0000aa' };
const me = { id: 'me', name: 'Ada', color: '#123456' };

describe('mentionQuery', () => {
  it('finds the @ being typed at the caret, at the start or after a space', () => {
    expect(mentionQuery('@An', 3)).toEqual({ start: 0, query: 'An' });
    expect(mentionQuery('ask @Ana L', 10)).toEqual({ start: 4, query: 'Ana L' });
    expect(mentionQuery('ask @', 5)).toEqual({ start: 4, query: '' });
  });

  it('ignores e-mail addresses, text after the caret and a finished line', () => {
    expect(mentionQuery('mail ana@example.com', 20)).toBeNull();
    expect(mentionQuery('@Ana and more', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('@Ana\nnext', 9)).toBeNull();
    expect(mentionQuery('no mention here', 15)).toBeNull();
  });
});

describe('mentionCandidates', () => {
  const people = [ana, anton, grace, me];

  it('offers names starting with the query first, then names with a word starting with it', () => {
    expect(mentionCandidates('an', people, me.id).map((p) => p.id)).toEqual(['a', 'b']);
    expect(mentionCandidates('lim', people, me.id).map((p) => p.id)).toEqual(['a']);
    expect(mentionCandidates('', people, me.id).map((p) => p.id)).toEqual(['a', 'b', 'g']);
  });

  it('never offers the writer and honours the limit', () => {
    expect(mentionCandidates('ad', people, me.id)).toEqual([]);
    expect(mentionCandidates('', people, me.id, 2)).toHaveLength(2);
  });
});

describe('insertMention', () => {
  it('replaces the query with the full name and puts the caret after it', () => {
    const text = 'please @an check';
    const query = mentionQuery(text, 10)!;
    const next = insertMention(text, 10, query, 'Ana Lima');
    expect(next.text).toBe('please @Ana Lima check');
    expect(next.caret).toBe('please @Ana Lima '.length);
    // What the picker writes is what the core reads back as a mention.
    expect(findMentions(next.text, [ana, anton])).toEqual(['a']);
  });
});

describe('mentionablePeople', () => {
  it('merges recorded editors with who is here now, by id, current names winning', () => {
    const renamed = { ...grace, name: 'Grace H' };
    const merged = mentionablePeople([ana, grace], [renamed, anton]);
    expect(merged.map((p) => p.name)).toEqual(['Ana Lima', 'Anton', 'Grace H']);
  });
});
