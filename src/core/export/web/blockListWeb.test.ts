import { describe, expect, it } from 'vitest';
import { blockListEdition } from '../../../../test/fixtures/export/blockListEdition.ts';
import { sampleProfile } from '../../../../test/fixtures/export/profiles.ts';
import { renderWebPage } from './renderWebPage.ts';

describe('block lists on the web archive page', () => {
  it('writes each item’s blocks inside its <li>, bare text in a tight list, paragraphs in a loose one', () => {
    const { html, warnings } = renderWebPage(blockListEdition(), sampleProfile);
    expect(warnings).toEqual([]);
    // The tight steps: text, then the code block, in one item.
    expect(html).toMatch(
      /<ol><li>Install the command line tool:<pre[^>]*>[\s\S]*?npm install[\s\S]*?<\/pre><\/li>/,
    );
    // The loose list: two paragraphs in the first item, a quote in the second.
    expect(html).toMatch(
      /<ul><li><p>Read the release notes first\.<\/p><p>They list every breaking change since the last edition\.<\/p><\/li><li><blockquote>/,
    );
  });
});
