import { describe, expect, it } from 'vitest';
import { sampleProfile } from '../../../test/fixtures/export/profiles.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import { preflight } from './preflight.ts';
import type { CommentFindingInput } from './types.ts';

const ana = { id: 'ana', name: 'Ana Lima', color: '#2563eb' };
const message = (text: string, deleted = false) => ({
  id: `m-${text}`,
  author: ana,
  text,
  createdAt: '2026-12-01T10:00:00Z',
  editedAt: null,
  deleted,
  mentions: [],
});

function thread(id: string, fields: Partial<CommentFindingInput>): CommentFindingInput {
  return {
    id,
    anchor: { sectionId: 's1', field: 'body', start: 'AA==', end: 'AA==' },
    quote: 'forty percent',
    author: ana,
    resolved: false,
    messages: [message('Source?')],
    sectionTitle: 'First story',
    onDeletedText: false,
    ...fields,
  };
}

function findings(comments: CommentFindingInput[]) {
  const edition = restoreEdition({ subject: 'S', preheader: 'P', sections: [] });
  return preflight(edition, sampleProfile, { emailHtml: '<html></html>', comments }).findings;
}

describe('preflight on comment threads', () => {
  it('warns once per open thread with its section and quote, and not for resolved ones', () => {
    const result = findings([
      thread('t1', { messages: [message('Source?'), message('Here'), message('x', true)] }),
      thread('t2', { resolved: true }),
      thread('t3', {
        anchor: { sectionId: null, field: 'subject', start: null, end: null },
        quote: 'Weekly\n7',
        sectionTitle: null,
      }),
      thread('t4', { onDeletedText: true, quote: 'gone \u001b[2Jtext' }),
    ]).filter((f) => f.code === 'comment-open');
    expect(result).toEqual([
      {
        severity: 'warning',
        code: 'comment-open',
        message: 'an open comment by Ana Lima on “forty percent” of “First story”, 1 reply',
        sectionId: 's1',
        threadId: 't1',
      },
      {
        severity: 'warning',
        code: 'comment-open',
        message: "an open comment by Ana Lima on the edition's subject “Weekly 7”",
        threadId: 't3',
      },
      {
        severity: 'warning',
        code: 'comment-open',
        message: 'an open comment by Ana Lima on “gone [2Jtext” of “First story” (on deleted text)',
        sectionId: 's1',
        threadId: 't4',
      },
    ]);
  });

  it('finds nothing without threads', () => {
    expect(findings([]).some((f) => f.code === 'comment-open')).toBe(false);
  });
});
