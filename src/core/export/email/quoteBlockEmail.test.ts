import { describe, expect, it } from 'vitest';
import { renderText } from '../text/renderText.ts';
import { parseEmail } from './emailDom.testkit.ts';
import { EMAIL_RULES } from './emailRules.testkit.ts';
import { renderEmail } from './renderEmail.ts';
import { quoteBlockEdition } from '../../../../test/fixtures/export/quoteBlockEdition.ts';
import {
  fixtureProfile,
  rtlProfile,
  sampleProfile,
} from '../../../../test/fixtures/export/profiles.ts';

// Light and dark are one email: rule 17 checks the dark rules and their contrast.
describe.each([
  ['sample', sampleProfile],
  ['fixture', fixtureProfile],
  ['rtl', rtlProfile],
])('EMAIL_RULES on an edition with every quote container shape (%s profile)', (_, profile) => {
  const edition = quoteBlockEdition();
  const { html, warnings } = renderEmail(edition, profile);
  const email = parseEmail(html, renderText(edition, profile), edition);
  it('renders without warnings', () => expect(warnings).toEqual([]));
  it.each(EMAIL_RULES)('rule $id: $name', (rule) => {
    expect(rule.check(email)).toEqual([]);
  });
});

describe('quote containers in email', () => {
  const { html } = renderEmail(quoteBlockEdition(), sampleProfile);

  it('draws the quote rule once around all of its blocks', () => {
    const quote = html.indexOf('class="gx-quote"');
    const first = html.indexOf('Thanks for the draft');
    const second = html.indexOf('The chart needs its source');
    const nextQuote = html.indexOf('class="gx-quote"', quote + 1);
    expect(quote).toBeGreaterThan(-1);
    expect(quote < first && first < second && second < nextQuote).toBe(true);
  });

  it('renders the blocks inside with the block renderer: heading, list, code, nested quotes', () => {
    expect(html).toMatch(/class="gx-quote"[\s\S]*<h4 [^>]*>From the release notes<\/h4>/);
    expect(html).toMatch(/<ul [^>]*>\s*<li [^>]*>Quote containers<\/li>/);
    expect(html).toMatch(/<pre [^>]*>[\s\S]*const<\/span> quoted/);
    // Five containers, and the nested quote and the nested container each draw their own rule.
    expect(html.match(/class="gx-quote"/g)).toHaveLength(7);
  });

  it('keeps an image inside the quote narrower than the column, by the rule and its padding', () => {
    const widthOf = (src: string, page: string) =>
      Number(new RegExp(`<img src="${src}"[^>]* width="(\\d+)"`).exec(page)?.[1]);
    const edition = quoteBlockEdition();
    const body = edition.sections[0]!.body.root.children;
    const image = body.flatMap((b) => b.children ?? []).find((n) => n.type === 'image')!;
    body.push({ ...image, src: 'https://images.example.com/top.png' });
    const page = renderEmail(edition, sampleProfile).html;
    const inside = widthOf('https://images.example.com/quoted.png', page);
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBe(widthOf('https://images.example.com/top.png', page) - 20);
  });

  it('quotes every line of the plain text, nested quotes twice', () => {
    const text = renderText(quoteBlockEdition(), sampleProfile);
    expect(text).toContain(
      '> Thanks for the draft. Two things before it goes out:\n>\n> The chart needs its source, and the subject line is long.',
    );
    expect(text).toMatch(
      /^> #### From the release notes\n>\n> - Quote containers\n> - Nested quotes$/m,
    );
    expect(text).toMatch(/^> > An older message, quoted in the reply\.\n>\n> And the reply/m);
    expect(text).toMatch(/^> > Nested, first\n> >\n> > Nested, second$/m);
  });

  it('wraps a long quoted line again rather than pass the text width', () => {
    const text = renderText(quoteBlockEdition(), sampleProfile);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(78);
  });
});
