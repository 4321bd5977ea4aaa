import { describe, expect, it } from 'vitest';
import { tableEdition } from '../../../../test/fixtures/export/tableEdition.ts';
import { sampleProfile } from '../../../../test/fixtures/export/profiles.ts';
import { renderWebPage } from './renderWebPage.ts';

describe('tables on the web archive page', () => {
  it('writes semantic tables with column headers in a sideways-scrolling wrapper', () => {
    const { html, warnings } = renderWebPage(tableEdition(), sampleProfile);
    expect(warnings).toEqual([]);
    expect(html.match(/<div class="table-wrap"><table>/g)).toHaveLength(2);
    expect(html).toMatch(/<th scope="col">Editor<\/th><th scope="col" style="text-align:center">/);
    expect(html).toMatch(/<td style="text-align:right">\$0<\/td>/);
    expect(html).toMatch(/\.table-wrap\{overflow-x:auto/);
  });
});
