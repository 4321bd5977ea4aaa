import { describe, expect, it } from 'vitest';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { isLooseList } from '../../model/looseList.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import { bodyToMarkdown } from '../markdown/renderMarkdown.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderTextWithWarnings } from '../text/renderText.ts';
import { renderWebPage } from '../web/renderWebPage.ts';
import { checkEmailRules } from './emailRules.testkit.ts';
import { renderEmail } from './renderEmail.ts';

// A loose list (blank lines between items), a tight one after it, and a loose one whose
// first item holds a nested list.
const { body, exact } = markdownToBody(
  '- Loose one\n\n- Loose two\n\nText\n\n1. Tight one\n2. Tight two\n\nMore\n\n' +
    '- Outer\n\n  - Inner a\n  - Inner b\n\n- Outer two\n',
);

const edition = restoreEdition({
  title: 'Loose lists',
  subject: 'Loose lists',
  preheader: 'Items as paragraphs',
  sections: [{ id: 's1', kind: 'story', title: 'The section', body }],
});

describe('a loose list', () => {
  const profile = defaultProfile();
  const { html, warnings } = renderEmail(edition, profile);
  const plain = renderTextWithWarnings(edition, profile);

  it('is imported loose and written back loose', () => {
    expect(exact).toBe(true);
    const lists = body.root.children.filter((n) => n.type === 'list');
    expect(lists.map(isLooseList)).toEqual([true, false, true]);
    const markdown = bodyToMarkdown(body);
    expect(markdown).toContain('- Loose one\n\n- Loose two');
    expect(markdown).toContain('1. Tight one\n2. Tight two');
    expect(markdownToBody(markdown).body).toEqual(body);
  });

  it('gets paragraph spacing between items in email, and meets every rule, light and dark', () => {
    expect(warnings).toEqual([]);
    const items = [...html.matchAll(/<li style="margin:0 0 (\d+)px">([^<]*)/g)].map(
      ([, margin, words]) => `${words!.trim()}:${margin}`,
    );
    expect(items).toEqual([
      'Loose one:16',
      'Loose two:16',
      'Tight one:8',
      'Tight two:8',
      'Outer:16',
      'Inner a:8',
      'Inner b:8',
      'Outer two:16',
    ]);
    const violations = [...checkEmailRules(html, plain.text, edition)].filter(
      ([, found]) => found.length > 0,
    );
    expect(violations).toEqual([]);
  });

  it('has a blank line between items in plain text', () => {
    expect(plain.warnings).toEqual([]);
    expect(plain.text).toContain('- Loose one\n\n- Loose two\n');
    expect(plain.text).toContain('1. Tight one\n2. Tight two\n');
    expect(plain.text).toContain('- Outer\n  - Inner a\n  - Inner b\n\n- Outer two\n');
  });

  it('renders its items as paragraphs on the web archive page', () => {
    const { html: page } = renderWebPage(edition, profile);
    expect(page).toContain('<li><p>Loose one</p></li><li><p>Loose two</p></li>');
    expect(page).toContain('<li>Tight one</li>');
    expect(page).toMatch(/<li><p>Outer<\/p><ul><li>Inner a<\/li>/);
  });
});
