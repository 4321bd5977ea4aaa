import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../../test/fixtures/cards/hostileHtml.ts';
import { isVerbatimSafeHtml } from './verbatimHtml.ts';

describe('isVerbatimSafeHtml', () => {
  it.each(HOSTILE)('refuses %s', (_, html) => {
    expect(isVerbatimSafeHtml(html)).toBe(false);
  });

  it.each([
    ['a handler on an unknown tag', '<warning onclick="x()">hi</warning>'],
    ['a tab hidden in a scheme', '<a href="java\tscript:alert(1)">x</a>'],
    ['a protocol-relative link', '<a href="//evil.example/x">x</a>'],
    ['an image from another site without a scheme', '<img src="//evil.example/i.png" alt="i">'],
    ['an image from a data URL', '<img src="data:image/png;base64,AAAA" alt="i">'],
    ['an unknown attribute', '<div x-on:click="alert(1)">x</div>'],
    ['a target other than a new window', '<a href="https://a.example" target="_top">x</a>'],
    ['a style with a url()', '<p style="background:url(http://a.example/x.png)">x</p>'],
    ['a handler after a stray end tag', '</div><p onmouseover=x()>x</p>'],
    ['an unclosed raw-text element', '<textarea>\n\n*foo*'],
    ['too much HTML', `<p>${'x'.repeat(70_000)}</p>`],
  ])('refuses %s', (_, html) => {
    expect(isVerbatimSafeHtml(html)).toBe(false);
  });

  it.each([
    ['class and id', '<div id="foo"\n  class="bar">\n</div>'],
    ['an unclosed block', ' <div>\n  *hello*\n         <foo><a>'],
    ['a stray end tag', '</div>\n*foo*'],
    [
      'comments, doctypes and processing instructions',
      '<!-- note --><!DOCTYPE html><?php echo 1; ?>',
    ],
    ['relative and mail links', '<a href="/bar\\/)">x</a><a href="mailto:a@b.example">m</a>'],
    ['custom tags', '<Warning>\n*bar*\n</Warning><responsive-image alt="x">'],
    ['a table without tbody', '<table><tr><td>\nfoo\n</td></tr></table>'],
    ['data and aria attributes', '<span data-kind="tip" aria-label="Tip">!</span>'],
    ['a safe inline style', '<td style="padding:8px;color:#333333">x</td>'],
    [
      "a relative image (from the page's own site)",
      '<img src="/i.png" alt="i"><img src="moon.jpg">',
    ],
    ['a new-window link', '<a href="https://a.example/" target="_blank" rel="noopener">x</a>'],
  ])('keeps %s', (_, html) => {
    expect(isVerbatimSafeHtml(html)).toBe(true);
  });
});
