import { caniemail } from 'caniemail';
import { HtmlValidate } from 'html-validate';
import { convert } from 'html-to-text';
import juice from 'juice';
import { describe, expect, it } from 'vitest';
import { exportFixtures } from '../../../../test/fixtures/export/fixtures.ts';
import { renderText } from '../text/renderText.ts';
import { renderEmail } from './renderEmail.ts';

/**
 * The email checked with the tools email developers use: html-validate, the caniemail
 * support data, juice, html-to-text. Runs on every fixture (sample, fixture, generated).
 */

// html-validate's recommended rules minus the ones that fight email HTML, each for a reason.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Inline styles are the point: Gmail and Outlook ignore much of <head> (EMAIL_RULES 3).
    'no-inline-style': 'off',
    // Outlook-only markup (the 600 px table, Office settings) lives in conditional comments.
    'no-conditional-comment': 'off',
    // cellpadding, cellspacing, border, bgcolor, align, width: what Outlook's Word engine reads.
    'no-deprecated-attr': 'off',
    // The <title> is the subject line; its length is the editor's call, not a markup error.
    'long-title': 'off',
    // It assumes a tel: link's text is the number; here it is the writer's words ("call us").
    'tel-non-breaking': 'off',
  },
});

/**
 * Features caniemail reports as unsupported, reviewed one by one. Each entry names the
 * clients where it is unsupported and why that is acceptable: progressive enhancement
 * (the inline-styled layout still works without it) or a deliberate belt-and-braces.
 */
const UNSUPPORTED_ALLOWED: Record<string, { clients: string[]; why: string }> = {
  'height property': {
    clients: ['yahoo.android', 'yahoo.desktop-webmail', 'yahoo.ios'],
    why: 'Yahoo turns height into min-height: the 8 px spacer rows and height:auto images look the same.',
  },
  'word-break': {
    clients: ['outlook.windows-mail', 'yahoo.android', 'yahoo.desktop-webmail', 'yahoo.ios'],
    why: 'only breaks absurdly long words; without it such a word overflows, as in any page.',
  },
  '<body> element': {
    clients: ['outlook.macos', 'yahoo.android', 'yahoo.ios'],
    why: 'body styles dropped: the outer table repeats the background colour as bgcolor and style.',
  },
  'Attribute selector': {
    clients: ['gmail.mobile-webmail', 'outlook.windows', 'outlook.windows-mail'],
    why: 'a[x-apple-data-detectors] and [data-ogsc] target Apple Mail and Outlook.com; others ignore them.',
  },
  'Type selector': {
    clients: ['gmail.mobile-webmail'],
    why: 'Gmail mobile webmail drops <style>; inline styles carry the layout.',
  },
  'Class selector': {
    clients: ['gmail.mobile-webmail'],
    why: 'as above: only the mobile and dark-mode refinements are lost.',
  },
  'Descendant combinator': { clients: ['gmail.mobile-webmail'], why: 'as above.' },
  '<style> element': { clients: ['gmail.mobile-webmail'], why: 'as above.' },
  '@media': {
    clients: ['gmail.mobile-webmail', 'outlook.windows', 'outlook.windows-mail'],
    why: 'mobile padding and dark mode are refinements; the hybrid 100%/max-width layout needs no media query.',
  },
  'display:none': {
    clients: ['gmail.mobile-webmail'],
    why: 'the preheader also has max-height:0, overflow:hidden, font-size 1px and the page colour.',
  },
  opacity: {
    clients: ['gmail.mobile-webmail', 'outlook.windows', 'outlook.windows-mail'],
    why: 'one of several ways the preheader hides (Outlook: mso-hide:all).',
  },
  overflow: {
    clients: ['outlook.windows', 'outlook.windows-mail'],
    why: 'hidden preheader and dark logo use mso-hide:all for Outlook.',
  },
  'border-radius': {
    clients: ['outlook.windows', 'outlook.windows-mail'],
    why: 'square corners on buttons and boxes in Outlook for Windows; no VML for a cosmetic.',
  },
  'role attribute': {
    clients: ['outlook.windows-mail'],
    why: 'role=presentation is for screen readers; ignoring it changes nothing visible.',
  },
  'white-space': {
    clients: ['outlook.windows', 'outlook.windows-mail'],
    why: 'code blocks are <pre>, which keeps spaces and line breaks in Word too; there long lines wrap at the cell.',
  },
  'table-layout': {
    clients: ['outlook.windows', 'outlook.windows-mail'],
    why: 'keeps a long code line from widening the table elsewhere; Outlook wraps the line instead (its mso head rule).',
  },
};

/** Partially supported features (caniemail "warnings"): reviewed, each harmless as used. */
const PARTIAL_ALLOWED = new Set([
  '!important keyword', // lower case with a space before, as every client wants
  'Attribute selector', // see UNSUPPORTED_ALLOWED
  '@media', // width and prefers-color-scheme queries only, none nested
  '<style> element', // one, in <head>, declared before use
  '<body> element', // Gmail turns it into a div; the outer table repeats its styles
  'margin', // no negative margins
  'overflow', // plain overflow:hidden only
  '<ul>, <ol> and <dl>', // no reversed, no li value
  'text-decoration', // one value at a time
  'Type selector',
  'Class selector',
  'Descendant combinator',
  'display', // block, inline-block, none only
  'word-break',
  'text-align',
  'dir attribute', // html dir is also set on the paragraphs that need it
  'font-size',
  'font-weight',
  'height property',
  'line-height', // px values, which Outlook honours
  'background', // colours only, no images
  'padding', // on cells, where Outlook honours it
  'display:none',
  'max-width', // with width attributes and the Outlook-only table as fallback
  'width property',
  'width attribute',
  'border',
  'letter-spacing',
  'lang attribute',
  'role attribute',
  'border-radius',
  'mailto: links',
  'align attribute',
  'list-style',
  'white-space', // pre on code blocks; where dropped, <pre> still keeps the spaces
  'table-layout', // fixed, on code blocks only
]);

describe.each(exportFixtures())('email tools on $name', ({ edition, profile }) => {
  const { html } = renderEmail(edition, profile);

  it('html-validate (recommended, email-tuned) reports no error', async () => {
    const report = await validator.validateString(html);
    const messages = report.results
      .flatMap((r) => r.messages)
      .map((m) => `${m.ruleId} line ${m.line}: ${m.message}`);
    expect(messages).toEqual([]);
  });

  it('caniemail: nothing unsupported in Gmail, Outlook, Apple Mail or Yahoo beyond the allowlist', () => {
    const result = caniemail({
      clients: ['gmail.*', 'outlook.*', 'apple-mail.*', 'yahoo.*'],
      html,
    });
    const unreviewed: string[] = [];
    for (const [client, issues] of result.issues.errors)
      for (const issue of issues)
        if (!UNSUPPORTED_ALLOWED[issue.title]?.clients.includes(client))
          unreviewed.push(`unsupported: ${issue.title} in ${client}`);
    for (const [client, issues] of result.issues.warnings)
      for (const issue of issues)
        if (!PARTIAL_ALLOWED.has(issue.title))
          unreviewed.push(`partial: ${issue.title} in ${client}`);
    expect([...new Set(unreviewed)]).toEqual([]);
  });

  it('juice finds nothing left to inline', () => {
    // Juice writes an empty attribute as `alt`; we keep `alt=""`, which every client reads.
    const same = (s: string) => s.replace(/ ([a-z-]+)=""/g, ' $1');
    // Keeping <style>: only what juice would move inline matters, and that must be nothing.
    expect(same(juice(html, { removeStyleTags: false }))).toBe(same(html));
    // With juice's defaults it rewrites the head's <style>, but the body stays the same.
    const body = (s: string) => same(s.slice(s.indexOf('<body')));
    expect(body(juice(html))).toBe(body(html));
  });

  it('html-to-text of the HTML has every word of the plain-text part', () => {
    const fromHtml = words(convert(html, { wordwrap: false }));
    const text = renderText(edition, profile)
      // URLs are not words of the paragraphs (html-to-text writes mailto: links without "mailto").
      .replace(/(https?:\/\/|mailto:|tel:)\S+|\{\{[^}]*\}\}/g, ' ')
      // Markers only the plain text has: image placeholders and check boxes.
      .replace(/\[Image(: )?/g, ' ')
      .replace(/^(\s*)- \[[x ]\] /gm, '$1- ');
    const missing = [...words(text)].filter((w) => !fromHtml.has(w));
    expect(missing).toEqual([]);
  });
});

function words(value: string): Set<string> {
  return new Set(value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}
