import { describe, expect, it } from 'vitest';
import { tableEdition } from '../../../../test/fixtures/export/tableEdition.ts';
import {
  fixtureProfile,
  rtlProfile,
  sampleProfile,
} from '../../../../test/fixtures/export/profiles.ts';
import { renderText } from '../text/renderText.ts';
import { attr, classes, cssRules, parseEmail } from './emailDom.testkit.ts';
import { checkTables } from './emailMarkupRules.testkit.ts';
import { EMAIL_RULES } from './emailRules.testkit.ts';
import { paletteFor } from './palette.ts';
import { renderEmail } from './renderEmail.ts';

const profiles = [
  { name: 'sample', profile: sampleProfile },
  { name: 'fixture', profile: fixtureProfile },
  { name: 'rtl', profile: rtlProfile },
];

describe.each(profiles)('an edition with two tables, $name profile', ({ profile }) => {
  const edition = tableEdition();
  const { html, warnings } = renderEmail(edition, profile);
  const email = parseEmail(html, renderText(edition, profile), edition);

  // The cells of the two data tables: headers with the code background, body cells with text.
  const tableCells = () =>
    email.elements.filter(
      (e) =>
        (e.tagName === 'th' && classes(e).includes('gx-code')) ||
        (e.tagName === 'td' && classes(e).includes('gx-text') && classes(e).includes('gx-rule')),
    );

  it.each(EMAIL_RULES)('rule $id: $name', (rule) => {
    expect(rule.check(email)).toEqual([]);
  });

  it('renders two data tables with column headers, no warnings', () => {
    expect(warnings).toEqual([]);
    const tables = email.elements.filter((e) => classes(e).includes('gx-data'));
    expect(tables).toHaveLength(2);
    const headers = email.elements.filter((e) => e.tagName === 'th');
    expect(headers).toHaveLength(3 + 5);
    expect(headers.every((th) => attr(th, 'scope') === 'col')).toBe(true);
    for (const t of tables) expect(attr(t, 'style')).toMatch(/border-collapse:collapse/);
  });

  it('light: borders on every cell, header shaded, text colour set inline', () => {
    const { light } = paletteFor(profile);
    const dataCells = tableCells();
    const cells = dataCells;
    expect(dataCells.length).toBe(8 + 3 * 3 + 2 * 5);
    for (const cell of dataCells) {
      expect(attr(cell, 'style')).toContain(`border:1px solid ${light.rule}`);
      expect(attr(cell, 'style')).toContain(`color:${light.text}`);
      // Shrink and wrap between whole words, whatever the card around it does.
      expect(attr(cell, 'style')).toContain('word-break:normal');
    }
    for (const th of cells.filter((c) => c.tagName === 'th'))
      expect(attr(th, 'style')).toContain(`background-color:${light.code}`);
  });

  it('dark: every class a table cell uses has a prefers-color-scheme rule', () => {
    const { dark } = paletteFor(profile);
    const media = cssRules(email.headCss).find(([p]) => p.includes('prefers-color-scheme:dark'));
    expect(media).toBeDefined();
    const rules = new Map(cssRules(media![1]));
    expect(rules.get('.gx-rule')).toContain(`border-color:${dark.rule}`);
    expect(rules.get('.gx-code')).toContain(`background-color:${dark.code}`);
    expect(rules.get('.gx-code')).toContain(`color:${dark.text}`);
    expect(rules.get('.gx-text')).toContain(`color:${dark.text}`);
  });

  it('aligns columns as the header says, start side by default', () => {
    const td = tableCells().filter((e) => e.tagName === 'td');
    const start = profile.dir === 'rtl' ? 'right' : 'left';
    expect(attr(td[0]!, 'style')).toContain(`text-align:${start}`);
    expect(attr(td[1]!, 'style')).toContain('text-align:center');
    expect(attr(td[2]!, 'style')).toContain('text-align:right');
  });
});

describe('rule 4 still catches a table that is neither layout nor data', () => {
  it('fails a gx-data table whose header cells lost scope="col"', () => {
    const edition = tableEdition();
    const { html } = renderEmail(edition, sampleProfile);
    const text = renderText(edition, sampleProfile);
    expect(checkTables(parseEmail(html, text, edition))).toEqual([]);
    const broken = html.replace('<th scope="col"', '<th');
    expect(broken).not.toBe(html);
    expect(checkTables(parseEmail(broken, text, edition))).not.toEqual([]);
  });
});
