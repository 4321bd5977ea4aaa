import { describe, expect, it } from 'vitest';
import {
  HOSTILE_TEXT,
  HOSTILE_URLS,
  hostileEdition,
  hostileProfile,
  TRICKY_VALID_URLS,
} from '../../../../test/fixtures/export/hostile.ts';
import { preflight } from '../../preflight/preflight.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import type { Edition, SerializedBodyNode } from '../../model/types.ts';
import { restoreProfile } from '../shared/profile.ts';
import { walkBody } from '../shared/walkBody.ts';
import { renderText } from '../text/renderText.ts';
import { attr, parseEmail, textContent } from './emailDom.testkit.ts';
import { EMAIL_RULES } from './emailRules.testkit.ts';
import { renderEmail } from './renderEmail.ts';

// Everything the exporter may write; anything else in the output came from the payloads.
const TAGS = new Set(
  'html head meta title style body div table tbody tr td p h1 h2 h3 h4 ul ol li a img strong em u s code br'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set(
  'lang dir xmlns:v xmlns:o charset name content class style role cellpadding cellspacing border width bgcolor align href src alt start'.split(
    ' ',
  ),
);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
// What restoreBody keeps of a payload: control characters go, newlines become spaces.
// eslint-disable-next-line no-control-regex
const kept = (s: string) => collapse(s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ''));

function rendered(edition: Edition) {
  const profile = restoreProfile(hostileProfile);
  const { html, warnings } = renderEmail(edition, profile);
  const text = renderText(edition, profile);
  return { html, warnings, text, email: parseEmail(html, text, edition), profile };
}

function assertSafe({ html, text, email }: ReturnType<typeof rendered>): void {
  for (const rule of EMAIL_RULES)
    expect(rule.check(email), `rule ${rule.id}: ${rule.name}`).toEqual([]);
  for (const el of email.elements) {
    expect(TAGS.has(el.tagName), `<${el.tagName}>`).toBe(true);
    for (const a of el.attrs)
      expect(ATTRIBUTES.has(a.name), `attribute ${a.name} on <${el.tagName}>`).toBe(true);
    const style = attr(el, 'style') ?? '';
    expect(style).not.toMatch(/url\(|expression|javascript|evil|red;/i);
  }
  expect(email.styles.join('')).not.toMatch(/url\(|@import|evil|javascript/i);
  // Only the exporter's own conditionals, and empty comments that carry a line break.
  for (const comment of email.comments)
    expect(
      comment.trim() === '' || /^\[if mso\]>[\s\S]*<!\[endif\]$/.test(comment),
      comment.slice(0, 80),
    ).toBe(true);
  expect(email.comments.filter((c) => /<script/i.test(c))).toEqual([]);
  const targets = email.elements
    .flatMap((el) => [attr(el, 'href'), attr(el, 'src')])
    .filter(Boolean);
  expect(targets.filter((t) => /^\s*(javascript|data|vbscript|file):/i.test(t!))).toEqual([]);
  expect(html).not.toMatch(/<(script|iframe|form|svg|style>body)/i);
  for (const url of HOSTILE_URLS) {
    expect(targets).not.toContain(url);
    // A link the text export writes reads `words (url)`; skip URLs that a text payload quotes.
    if (HOSTILE_TEXT.some((t) => t.includes(url.trim()))) continue;
    expect(text).not.toContain(`(${url.trim()})`);
    expect(text).not.toContain(`: ${url.trim()}\n`);
  }
  for (const line of text.split('\n')) expect(line.length).toBeLessThan(998 / 4);
}

describe('hostile content through restoreEdition', () => {
  const result = rendered(restoreEdition(hostileEdition()));

  it('email: every rule holds, only allowlisted tags, attributes, styles and comments', () => {
    assertSafe(result);
  });

  it('email: every text payload comes out as the same text, escaped', () => {
    const body = collapse(textContent(result.email.body));
    for (const payload of HOSTILE_TEXT) expect(body).toContain(kept(payload));
  });

  it('email: markup-bearing but valid URLs are attribute-escaped, not markup', () => {
    const hrefs = result.email.elements.map((el) => attr(el, 'href')).filter(Boolean);
    expect(hrefs).toContain(
      TRICKY_VALID_URLS[0]!
        .replace('"><script>', '%22%3E%3Cscript%3E')
        .replace('</script>', '%3C/script%3E'),
    );
    expect(hrefs).toContain('https://ok.example.com/backslash');
    expect(result.html).not.toContain('"><script>');
  });

  it('plain text keeps the payloads as text and links only safe URLs', () => {
    for (const payload of HOSTILE_TEXT.filter(
      (p) => !/A{3000}/.test(p) && !p.includes('word word'),
    ))
      expect(collapse(result.text)).toContain(kept(payload));
    for (const url of result.text.match(/\b(https?:|mailto:|tel:)\S+/g) ?? [])
      expect(url).not.toMatch(/^(javascript|data|vbscript)/i);
  });

  it('the profile is repaired: no unsafe colour, language, direction or URL survives', () => {
    const profile = restoreProfile(hostileProfile);
    expect(profile).toMatchObject({
      accentColor: '#1a56db',
      lang: 'en',
      dir: 'ltr',
      logoUrl: '',
      unsubscribeUrl: '{{unsubscribe_url}}',
      defaultVoteUrl: '',
      publicBaseUrl: '',
    });
    expect(profile.logoDarkUrl).toBeUndefined();
  });

  it('preflight names the invisible and template characters', () => {
    const codes = preflight(restoreEdition(hostileEdition()), result.profile).findings.map(
      (f) => f.code,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'text-bidi-control',
        'text-template-syntax',
        'vote-url-missing',
        'sponsor-missing-url',
      ]),
    );
  });
});

describe('hostile URLs in an edition that skipped restoreEdition', () => {
  // Code that builds an Edition by hand must still not get a script URL into the export.
  const edition = restoreEdition(hostileEdition());
  let i = 0;
  const next = () => HOSTILE_URLS[i++ % HOSTILE_URLS.length]!;
  for (const section of edition.sections) {
    walkBody(section.body, (node: SerializedBodyNode) => {
      if (node.type === 'link' || node.type === 'button') node.url = next();
      if (node.type === 'image') node.src = next();
    });
    if (section.kind === 'sponsor') section.url = next();
    if (section.kind === 'poll' || section.kind === 'feedback') section.voteUrl = next();
  }
  const result = rendered(edition);

  it('the exporters drop them and say so', () => {
    assertSafe(result);
    expect(result.warnings.some((w) => /dropped a link/.test(w))).toBe(true);
  });

  it('preflight reports them as errors', () => {
    const errors = preflight(edition, result.profile).findings.filter(
      (f) => f.severity === 'error',
    );
    expect(errors.map((f) => f.code)).toContain('link-invalid');
  });
});
