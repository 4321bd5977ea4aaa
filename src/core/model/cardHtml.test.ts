import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../../test/fixtures/cards/hostileHtml.ts';
import { cardHtmlToKeep } from './cardHtml.ts';
import { restoreBody } from './restoreBody.ts';
import { MAX_CARD_HTML, sanitizeCardHtml } from './sanitizeCardHtml.ts';

// Inert HTML the email sanitizer would change: each must be kept exactly as written.
const INERT: Array<[string, string]> = [
  ['class and id', '<div id="tip" class="note">\n<p>Read this</p>\n</div>'],
  ['a comment', '<!-- the partner asked for this wording -->\n<p>Thanks</p>'],
  ['a relative link', '<a href="/about">About us</a> and the team'],
  ['a custom tag', '<warning>\n*not emphasis here*\n</warning>'],
  ['a table without tbody', '<table><tr><td>\nfoo\n</td></tr></table>'],
  ['data and aria attributes', '<span data-kind="tip" aria-label="Tip">!</span>'],
];

describe('cardHtmlToKeep', () => {
  it.each(INERT)('keeps %s as written', (_, html) => {
    expect(sanitizeCardHtml(html)).not.toBe(html);
    expect(cardHtmlToKeep(html)).toBe(html);
  });

  it.each(HOSTILE)('%s: keeps only the sanitized form', (_, html) => {
    expect(cardHtmlToKeep(html)).toBe(sanitizeCardHtml(html));
  });

  it('drops whitespace at the ends (indentation of the block, the last line ending) and nothing inside', () => {
    expect(cardHtmlToKeep('\n\n   <div class="x">\n  a\n</div>  \n\n')).toBe(
      '<div class="x">\n  a\n</div>',
    );
    expect(cardHtmlToKeep(' \n\t ')).toBe('');
  });

  it('is idempotent on everything it keeps', () => {
    for (const [, html] of [...INERT, ...HOSTILE]) {
      const kept = cardHtmlToKeep(html);
      expect(cardHtmlToKeep(kept)).toBe(kept);
    }
  });

  it('sanitizes what is too long to check, and keeps nothing of a non-string', () => {
    const long = `<div class="x">${'y'.repeat(MAX_CARD_HTML)}</div>`;
    expect(cardHtmlToKeep(long)).toBe(sanitizeCardHtml(long));
    expect(cardHtmlToKeep(42)).toBe('');
    expect(cardHtmlToKeep(undefined)).toBe('');
  });
});

describe('restoreBody on HTML cards', () => {
  it('keeps an inert card as written and sanitizes a hostile one', () => {
    const body = restoreBody({
      root: {
        children: [
          { type: 'htmlcard', html: '<div class="note"><!-- c --><a href="/x">x</a></div>' },
          {
            type: 'htmlcard',
            html: '<div class="note" onclick="steal()"><a href="/x">x</a></div>',
          },
        ],
      },
    });
    expect(body.root.children.map((n) => n.html)).toEqual([
      '<div class="note"><!-- c --><a href="/x">x</a></div>',
      '<div><a>x</a></div>',
    ]);
    // A restored body restores to itself.
    expect(restoreBody(body)).toEqual(body);
  });
});
