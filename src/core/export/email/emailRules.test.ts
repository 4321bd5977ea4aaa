import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFixtures, fixtureEdition } from '../../../../test/fixtures/export/fixtures.ts';
import { renderText } from '../text/renderText.ts';
import { parseEmail } from './emailDom.testkit.ts';
import { EMAIL_RULES } from './emailRules.testkit.ts';
import { renderEmail } from './renderEmail.ts';

/** Every rule of EMAIL_RULES.md on every fixture: sample, fixture, ten generated editions. */
describe.each(exportFixtures())('EMAIL_RULES on $name', ({ edition, profile }) => {
  const { html } = renderEmail(edition, profile);
  const email = parseEmail(html, renderText(edition, profile), edition);
  it.each(EMAIL_RULES)('rule $id: $name', (rule) => {
    expect(rule.check(email)).toEqual([]);
  });
});

// Inserts CSS at the end of the real <style> (the first one is Outlook's, inside a comment).
function lastStyle(html: string, css: string): string {
  const at = html.lastIndexOf('</style>');
  return `${html.slice(0, at)}\n${css}${html.slice(at)}`;
}

// A check that cannot fail proves nothing: each one must catch a broken email.
describe('each rule check catches a violation', () => {
  const edition = fixtureEdition();
  const good = renderEmail(edition, exportFixtures()[1]!.profile).html;
  const text = renderText(edition, exportFixtures()[1]!.profile);
  const broken: Record<number, (html: string) => string> = {
    1: (h) => h.replace('</body>', `<p style="margin:0">${'x '.repeat(60_000)}</p></body>`),
    2: (h) => lastStyle(h, '@media screen{@media (min-width:1px){.a{color:#000000 !important}}}'),
    3: (h) => lastStyle(h, 'p{margin:0}'),
    4: (h) => h.replace('cellspacing="0"', 'cellspacing="2"'),
    5: (h) => h.replace('max-width:600px', 'max-width:700px'),
    6: (h) => h.replace(/<img src="https:/, '<img src="http:'),
    7: (h) => h.replace(/href="https:[^"]*"/, 'href="javascript:alert(1)"'),
    8: (h) => h.replace('</body>', '<iframe src="https://x.example.com"></iframe></body>'),
    9: (h) => h.replace(' lang="en-GB"', ''),
    10: (h) => h.replace('mso-hide:all', 'mso-hide:none'),
    11: (h) => h.replace('<![endif]-->', '-->'),
    12: (h) => h.replace('</body>', '<hr></body>'),
    13: (h) => h.replace('color:#1f2328', 'color:#123'),
    14: (h) => h.replace('</body>', '<p style="margin:0">Zanzibar</p></body>'),
    15: (h) => h.replace('</body>', `<p style="margin:0">${'x'.repeat(1200)}</p></body>`),
    16: (h) =>
      h.replace(/>Sponsored · /, '>Partner · ').replace(/Acme paid for this placement/, 'Acme'),
    17: (h) =>
      h
        .replace('.gx-logo-dark{', '.gx-nothing{')
        .replace(/gx-logo-light/g, 'gx-logo-x')
        .replace('name="color-scheme"', 'name="x"'),
  };
  it.each(EMAIL_RULES)('rule $id: $name', (rule) => {
    expect(rule.check(parseEmail(good, text, edition))).toEqual([]);
    const mutate = broken[rule.id];
    expect(mutate, `no broken example for rule ${rule.id}`).toBeDefined();
    const bad = mutate!(good);
    expect(bad).not.toBe(good);
    expect(rule.check(parseEmail(bad, text, edition))).not.toEqual([]);
  });
});

describe('testkits stay out of production code', () => {
  it('no exporter or preflight source imports a .testkit file', () => {
    const core = join(import.meta.dirname, '..', '..');
    const files = readdirSync(core, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.testkit.ts'),
    );
    const offenders = files.filter((f) =>
      /\.testkit(\.ts)?['"]/.test(readFileSync(join(core, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
