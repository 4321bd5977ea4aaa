import { describe, expect, it } from 'vitest';
import { quoteBlockEdition } from '../../../../test/fixtures/export/quoteBlockEdition.ts';
import { sampleProfile } from '../../../../test/fixtures/export/profiles.ts';
import { renderWebPage } from './renderWebPage.ts';

describe('quote containers on the web archive page', () => {
  it('writes one blockquote around the blocks, nested quotes inside it', () => {
    const { html, warnings } = renderWebPage(quoteBlockEdition(), sampleProfile);
    expect(warnings).toEqual([]);
    expect(html).toMatch(
      /<blockquote><p>Thanks for the draft\. Two things before it goes out:<\/p><p>The chart/,
    );
    expect(html).toMatch(/<blockquote><h4>From the release notes<\/h4><ul>/);
    expect(html).toMatch(
      /<blockquote><blockquote><p>An older message, quoted in the reply\.<\/p><\/blockquote><p>And the reply/,
    );
    expect(html).toMatch(/<blockquote><p>Nested, first<\/p><p>Nested, second<\/p><\/blockquote>/);
  });
});
