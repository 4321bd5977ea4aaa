import { describe, expect, it } from 'vitest';
import { renderText } from '../text/renderText.ts';
import { parseEmail } from './emailDom.testkit.ts';
import { EMAIL_RULES } from './emailRules.testkit.ts';
import { renderEmail } from './renderEmail.ts';
import { cardsEdition } from '../../../../test/fixtures/cards/cardsEdition.ts';
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
])('EMAIL_RULES on an edition with every card node (%s profile)', (_, profile) => {
  const edition = cardsEdition();
  const { html, warnings } = renderEmail(edition, profile);
  const email = parseEmail(html, renderText(edition, profile), edition);
  it('renders without warnings', () => expect(warnings).toEqual([]));
  it.each(EMAIL_RULES)('rule $id: $name', (rule) => {
    expect(rule.check(email)).toEqual([]);
  });
});

describe('card nodes in email', () => {
  const { html } = renderEmail(cardsEdition(), sampleProfile);
  it('gives callouts and post and link cards a box with dark-mode colours', () => {
    expect(html).toMatch(/class="gx-box gx-callout gx-text"/);
    expect(html).toMatch(/class="gx-box gx-post gx-text"/);
    expect(html).toMatch(/class="gx-box gx-linkcard gx-text"/);
    expect(html).toMatch(/\.gx-box\{background-color:#[0-9a-f]{6} !important;border-color/);
  });
  it('shows a video as a linked thumbnail with a text play mark, nothing that runs', () => {
    expect(html).toMatch(
      /<a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ[^"]*"[^>]*>\s*<img src="https:\/\/i\.ytimg\.com\/vi\/dQw4w9WgXcQ\/hqdefault\.jpg" alt="The speaker on stage"/,
    );
    expect(html).toContain('\u25b6\ufe0e Watch on YouTube: The keynote in ten minutes');
    expect(html).not.toMatch(/<(iframe|video|script)\b/);
  });
  it('writes the HTML card as is', () => {
    expect(html).toMatch(
      /<strong>From our partner:<\/strong> a <a href="https:\/\/partner\.example\/offer[^"]*" style="color:#8a4b00">free trial<\/a>/,
    );
  });
  it('puts every card in the plain text with its link', () => {
    const text = renderText(cardsEdition(), sampleProfile);
    expect(text).toMatch(
      /^\u{1F4A1} TL;DR\n\n {4}The short version: ship the cards\.\n\n {4}- Callouts,$/mu,
    );
    expect(text).toMatch(
      /Watch on YouTube: The keynote in ten minutes\nhttps:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ/,
    );
    expect(text).toMatch(/Ann Example · @ann@mastodon\.social\n> Shipping/);
    expect(text).toMatch(/From our partner: a free trial \(https:\/\/partner\.example\/offer/);
  });
});
