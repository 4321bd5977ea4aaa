import { describe, expect, it } from 'vitest';
import { roundupEdition, roundupItem } from '../../../test/fixtures/export/roundupEdition.ts';
import { fixtureProfile, sampleProfile } from '../../../test/fixtures/export/profiles.ts';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { parseGalleyMarkdown } from '../import/parseGalleyMarkdown.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import type { Edition } from '../model/types.ts';
import { preflight } from '../preflight/preflight.ts';
import { parseEmail } from './email/emailDom.testkit.ts';
import { EMAIL_RULES } from './email/emailRules.testkit.ts';
import { renderEmail } from './email/renderEmail.ts';
import { renderMarkdown } from './markdown/renderMarkdown.ts';
import { finalLinks } from './shared/finalLinks.ts';
import { restoreProfile } from './shared/profile.ts';
import { tagEdition } from './shared/tagEdition.ts';
import { renderText } from './text/renderText.ts';
import { renderWebPage } from './web/renderWebPage.ts';

const tracked = restoreProfile({
  ...fixtureProfile,
  utm: { source: 'galley', medium: 'email', campaign: 'issue-{number}' },
});

describe.each([
  { name: 'sample profile', profile: sampleProfile },
  { name: 'fixture profile', profile: fixtureProfile },
  { name: 'tracked links', profile: tracked },
])('EMAIL_RULES on an edition with a roundup ($name)', ({ profile }) => {
  const edition = roundupEdition();
  const { html, warnings } = renderEmail(edition, profile);
  const email = parseEmail(html, renderText(edition, profile), edition);
  it('renders without warnings', () => expect(warnings).toEqual([]));
  it.each(EMAIL_RULES)('rule $id: $name', (rule) => {
    expect(rule.check(email)).toEqual([]);
  });
});

describe('roundup items on every export path', () => {
  const edition = roundupEdition();

  it('email: one row per item, emoji (or a bullet) in its own cell, title linked, source muted, blurb', () => {
    const { html } = renderEmail(edition, sampleProfile);
    const rows = html.split('class="gx-rule"').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(
      /width="32"[^>]*>🧪<\/td>[\s\S]*<a href="https:\/\/bun\.example\.org\/blog\/2"[^>]*>Bun 2\.0 ships<\/a>[\s\S]*class="gx-muted"[^>]*>— bun\.sh<\/span>[\s\S]*<strong>built-in<\/strong>[\s\S]*<code[^>]*>bun test<\/code>/,
    );
    // An item without an emoji keeps the column with a bullet, so titles line up.
    expect(rows[2]).toMatch(/width="32"[^>]*>•<\/td>/);
  });

  it('email and final links: item URLs get the UTM tags like other links', () => {
    // As the export does: tag the edition, then render it.
    const { html } = renderEmail(tagEdition(edition, tracked), tracked);
    expect(html).toContain(
      'href="https://bun.example.org/blog/2?utm_source=galley&amp;utm_medium=email&amp;utm_campaign=issue-12"',
    );
    const links = finalLinks(edition, tracked).filter((l) => l.url.includes('bun.example.org'));
    expect(links).toEqual([
      {
        sectionId: 'roundupsection01',
        text: 'Bun 2.0 ships',
        url: 'https://bun.example.org/blog/2',
        finalUrl:
          'https://bun.example.org/blog/2?utm_source=galley&utm_medium=email&utm_campaign=issue-12',
      },
    ]);
  });

  it('plain text: one block per item with its URL on a line of its own', () => {
    const text = renderText(edition, sampleProfile);
    expect(text).toContain(
      '🧪 Bun 2.0 ships (bun.sh)\n   Faster installs and a built-in test runner; try bun test on your repo\n   (https://github.example.com/you).\n   https://bun.example.org/blog/2',
    );
    expect(text).toContain(
      '• No emoji, no source\n   A plain item lines up with the others.\n   https://plain.example.org/',
    );
  });

  it('web archive page: one block per item, title linked', () => {
    const { html, warnings } = renderWebPage(edition, sampleProfile);
    expect(warnings).toEqual([]);
    expect(html.match(/class="roundup-item"/g)).toHaveLength(3);
    expect(html).toMatch(
      /<div class="roundup-item"><p><span class="mark">🧪<\/span> <a href="https:\/\/bun\.example\.org\/blog\/2"><strong>Bun 2\.0 ships<\/strong><\/a> <span class="muted">— bun\.sh<\/span><\/p>/,
    );
  });

  it('Markdown: round trips exactly and reads as a list anywhere', () => {
    const markdown = renderMarkdown(edition);
    expect(markdown).toContain(
      '- 🧪 [Bun 2.0 ships](https://bun.example.org/blog/2) — bun.sh: Faster installs and a **built-in** test runner; try `bun test` on [your repo](https://github.example.com/you).',
    );
    const back = parseGalleyMarkdown(markdown);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.warnings).toEqual([]);
    expect(back.edition.sections.map((s) => [s.kind, s.body])).toEqual(
      edition.sections.map((s) => [s.kind, s.body]),
    );
  });

  it('Markdown: items another tool added to a marked list are read by their shape', () => {
    const markdown = [
      '## Toolkit',
      '',
      '<!-- galley: {"kind":"roundup"} -->',
      '',
      '<!-- galley:roundup-item {"title":"A","url":"https://a.example.org/","source":"","emoji":""} -->',
      '',
      '- [A](https://a.example.org/) — first',
      '- 🔧 [B tool](https://b.example.org/) — B Weekly: second *one*',
      '',
    ].join('\n');
    const result = parseGalleyMarkdown(markdown);
    if (!result.ok) throw new Error(result.error.message);
    const [section] = result.edition.sections;
    expect(section!.kind).toBe('roundup');
    expect(section!.body.root.children).toEqual([
      roundupItem({ title: 'A', url: 'https://a.example.org/' }, [text('first')]),
      roundupItem(
        { title: 'B tool', url: 'https://b.example.org/', source: 'B Weekly', emoji: '🔧' },
        [text('second '), text('one', 2)],
      ),
    ]);
  });
});

describe('roundup preflight', () => {
  const withItems = (...items: ReturnType<typeof roundupItem>[]): Edition =>
    restoreEdition({
      title: 'T',
      subject: 'S',
      sections: [
        {
          id: 'roundupcheck0001',
          kind: 'roundup',
          title: 'Links',
          body: { root: el('root', items) },
        },
      ],
    });
  const codes = (edition: Edition) =>
    preflight(edition, sampleProfile)
      .findings.filter((f) => f.sectionId === 'roundupcheck0001')
      .map((f) => [f.code, f.nodePath]);

  it('flags an item without a URL or title, a bad URL, and a blurb over one line', () => {
    expect(
      codes(
        withItems(
          roundupItem({ title: '', url: 'https://fine.example.org/a' }, [text('ok')]),
          roundupItem({ title: 'No link', url: 'javascript:alert(1)' }, [text('ok')]),
          roundupItem({ title: 'Local', url: 'http://localhost/x' }, [text('ok')]),
          roundupItem({ title: 'Long', url: 'https://fine.example.org/b' }, [
            text('x'.repeat(201)),
          ]),
          roundupItem({ title: 'Two lines', url: 'https://fine.example.org/c' }, [
            text('one'),
            { type: 'linebreak', version: 1 },
            text('two'),
          ]),
        ),
      ),
    ).toEqual(
      expect.arrayContaining([
        ['roundup-missing-title', [0]],
        ['roundup-missing-url', [1]],
        ['link-local', [2]],
        ['roundup-blurb-long', [3]],
        ['roundup-blurb-multiline', [4]],
      ]),
    );
  });

  it('finds nothing in a complete item', () => {
    expect(
      codes(
        withItems(
          roundupItem({ title: 'Fine', url: 'https://galley.dev/fine' }, [text('One line.')]),
        ),
      ),
    ).toEqual([]);
  });

  it('a lone paragraph in a roundup is no item and no finding', () => {
    expect(codes(withItems(para(text('Intro line.')) as ReturnType<typeof roundupItem>))).toEqual(
      [],
    );
  });
});
