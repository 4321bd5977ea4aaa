import { codeBlockOf } from '../shared/codeBlock.ts';
import { walkBody } from '../shared/walkBody.ts';
import { codeBlockText } from './codeBlockText.ts';
import { describe, expect, it } from 'vitest';
import {
  exportFixtures,
  fixtureEdition,
  sampleEdition,
} from '../../../../test/fixtures/export/fixtures.ts';
import { fixtureProfile, sampleProfile } from '../../../../test/fixtures/export/profiles.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import { defaultProfile } from '../shared/profile.ts';
import { renderText, renderTextWithWarnings } from './renderText.ts';
import { wrap } from './wrap.ts';

describe('renderText', () => {
  const text = renderText(fixtureEdition(), fixtureProfile);

  it('has every link URL, in words-then-URL form', () => {
    for (const url of [
      'https://galley.example.org/docs?a=1&b=2',
      'mailto:editors@galley.example.org',
      'tel:+15555550100',
      '{{archive_url}}',
      'http://insecure.example.net/page',
    ])
      expect(text).toContain(`(${url})`);
  });

  it('lists poll options and feedback choices with their vote links', () => {
    expect(text).toContain('- Email: https://vote.galley.example.org/poll?poll=fx-poll&choice=1');
    expect(text).toMatch(
      /- Great:\s+https:\/\/vote\.galley\.example\.org\/rate\?issue=7&poll=fx-feedback&choice=1/,
    );
  });

  it('renders buttons as Label: URL, images as [Image: alt], dividers as a line', () => {
    expect(text).toContain('Read the full story: https://galley.example.org/story');
    expect(text).toContain("[Image: A chart of results]\nFigure 1: the chart's caption.");
    expect(text).toContain(`\n${'-'.repeat(78)}\n`);
  });

  it('nests lists with - and 1. and keeps the start number', () => {
    expect(text).toContain(
      '- First bullet\n  1. Nested number one\n  2. Nested number two\n- Second bullet',
    );
    expect(text).toContain('3. Third step\n4. Fourth step');
    expect(text).toContain('- [x] Done item\n- [ ] Open item');
  });

  it('labels and discloses sponsors', () => {
    expect(text).toContain('Sponsored · Acme Tools');
    expect(text).toContain("Acme paid for this placement. We'd recommend it anyway.");
    expect(text).toContain(
      'Try Acme free: https://acme.example.com/?utm_source=galley&ref=fixture',
    );
  });

  it('ends with the unsubscribe URL', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Unsubscribe: https://galley.example.org/unsubscribe?u={{id}}',
    );
    expect(
      renderText(sampleEdition(), sampleProfile)
        .trimEnd()
        .endsWith('Unsubscribe: {{unsubscribe_url}}'),
    ).toBe(true);
  });

  it.each(exportFixtures())('wraps $name at 78 columns except URLs', ({ edition, profile }) => {
    // Lines of code are never re-wrapped (codeBlockText.ts).
    const code = new Set<string>();
    for (const section of edition.sections)
      walkBody(section.body, (node) => {
        if (node.type === 'code-block')
          for (const l of codeBlockText(codeBlockOf(node))) code.add(l);
      });
    // A code line in a block list item is indented under its marker.
    const isCode = (line: string) =>
      [...code].some((c) => line.endsWith(c) && line.slice(0, -c.length).trim() === '');
    for (const line of renderText(edition, profile).split('\n'))
      if ([...line].length > 78 && !isCode(line))
        expect(line).toMatch(/(https?:|mailto:|tel:|\{\{)\S*\)?\.?$/);
  });

  it('drops links whose URL fails the allowlist but keeps their words, with a warning', () => {
    const edition = restoreEdition({
      sections: [
        {
          id: 'a',
          body: {
            root: {
              children: [
                {
                  type: 'paragraph',
                  children: [
                    {
                      type: 'link',
                      url: 'https://ok.example.com',
                      children: [{ type: 'text', text: 'words' }],
                    },
                  ],
                },
              ],
            },
          },
        },
      ],
    });
    const link = edition.sections[0]!.body.root.children[0]!.children![0]!;
    link.url = 'javascript:alert(1)';
    const out = renderTextWithWarnings(edition, defaultProfile());
    expect(out.text).toContain('words');
    expect(out.text).not.toContain('javascript');
    expect(out.warnings).toEqual(['dropped a link with an unusable URL']);
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width and hangs continuation lines', () => {
    const lines = wrap('one two three four five six seven', '- ', '  ', 12);
    expect(lines).toEqual(['- one two', '  three four', '  five six', '  seven']);
  });

  it('never breaks a URL, and hard-splits words longer than a line', () => {
    const url = `https://example.com/${'x'.repeat(100)}`;
    expect(wrap(`see ${url} now`, '', '', 40)).toEqual(['see', url, 'now']);
    expect(wrap('y'.repeat(100), '', '', 40)).toEqual([
      'y'.repeat(40),
      'y'.repeat(40),
      'y'.repeat(20),
    ]);
  });

  it('keeps hard line breaks', () => {
    expect(wrap('a\nb', '> ')).toEqual(['> a', '> b']);
  });
});
