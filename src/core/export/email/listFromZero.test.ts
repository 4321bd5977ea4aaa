import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markdownToBody } from '../../import/markdownToBody.ts';
import { readBody, writeBody } from '../../lexical/bodySession.ts';
import { restoreBody } from '../../model/restoreBody.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import { bodyToMarkdown } from '../markdown/renderMarkdown.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderTextWithWarnings } from '../text/renderText.ts';
import { renderWebPage } from '../web/renderWebPage.ts';
import { checkEmailRules } from './emailRules.testkit.ts';
import { renderEmail } from './renderEmail.ts';

// CommonMark numbers a list from any start, 0 included (`0. ok`).
const { body, exact } = markdownToBody('0. Zero\n1. One\n\nText\n');

const edition = restoreEdition({
  title: 'From zero',
  subject: 'From zero',
  preheader: 'A list numbered from 0',
  sections: [{ id: 's1', kind: 'story', title: 'The section', body }],
});

describe('a numbered list that starts at 0', () => {
  const profile = defaultProfile();

  it('is imported exactly, kept by restoreBody and written back from 0', () => {
    expect(exact).toBe(true);
    expect(body.root.children[0]).toMatchObject({ type: 'list', listType: 'number', start: 0 });
    expect(restoreBody(body)).toEqual(body);
    expect(bodyToMarkdown(body)).toBe('0. Zero\n1. One\n\nText\n');
    expect(markdownToBody(bodyToMarkdown(body)).body).toEqual(body);
  });

  it('survives Yjs and headless Lexical', () => {
    const doc = new Y.Doc();
    writeBody(doc, body);
    expect(restoreBody(readBody(doc))).toEqual(body);
  });

  it('counts from 0 in email (meeting every rule), plain text and the web page', () => {
    const { html, warnings } = renderEmail(edition, profile);
    const plain = renderTextWithWarnings(edition, profile);
    expect(warnings).toEqual([]);
    expect(html).toMatch(/<ol[^>]* start="0"/);
    expect(plain.text).toContain('0. Zero\n1. One\n');
    const violations = [...checkEmailRules(html, plain.text, edition)].filter(
      ([, found]) => found.length > 0,
    );
    expect(violations).toEqual([]);
    expect(renderWebPage(edition, profile).html).toMatch(/<ol start="0">/);
  });
});
