import { describe, expect, it } from 'vitest';
import { fixtureEdition, sampleEdition } from '../../../../test/fixtures/export/fixtures.ts';
import { expectGolden } from '../../../../test/fixtures/export/golden.ts';
import { fixtureProfile, sampleProfile } from '../../../../test/fixtures/export/profiles.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import type { Edition, Section, SerializedBodyNode } from '../../model/types.ts';
import { defaultProfile, restoreProfile } from '../shared/profile.ts';
import { renderTextWithWarnings } from '../text/renderText.ts';
import { attr, classes, parseEmail, textContent } from './emailDom.testkit.ts';
import { renderEmail } from './renderEmail.ts';
import { el, para, text } from '../../../../test/helpers/bodyNodes.ts';

function editionWith(children: SerializedBodyNode[], sections: Partial<Section>[] = [{}]): Edition {
  return restoreEdition({
    title: 'T',
    subject: 'S',
    preheader: 'P',
    sections: sections.map((s, i) => ({
      id: `s${i}`,
      kind: 'story',
      title: `Section ${i}`,
      body: { root: el('root', children) },
      ...s,
    })),
  });
}

describe('golden files', () => {
  it.each([
    ['fixture', fixtureEdition, fixtureProfile],
    ['sample', sampleEdition, sampleProfile],
  ] as const)('%s email and plain text match their golden files', (name, edition, profile) => {
    const { html, warnings } = renderEmail(edition(), profile);
    expectGolden(`${name}.golden.html`, html);
    expectGolden(`${name}.golden.txt`, renderTextWithWarnings(edition(), profile).text);
    expect(warnings).toEqual([]);
  });
});

describe('section kinds', () => {
  const edition = fixtureEdition();
  const { html } = renderEmail(edition, fixtureProfile);
  const email = parseEmail(html, '', edition);

  it('the intro lists the story sections as its agenda, and nothing else', () => {
    const lists = email.elements.filter((e) => e.tagName === 'ul');
    const agenda = lists.find((l) => textContent(l).includes('Before you go'))!;
    expect(
      textContent(agenda)
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ).toEqual(['Q&A: "every" <node> type', 'Before you go']);
    expect(html).toContain('In this issue');
  });

  it('the sponsor box is labelled, disclosed and has its call to action', () => {
    const box = email.elements.find((e) => classes(e).includes('gx-box'))!;
    const content = textContent(box);
    expect(content).toContain('Sponsored · Acme Tools');
    expect(content).toContain("Acme paid for this placement. We'd recommend it anyway.");
    const cta =
      box.childNodes.length > 0 &&
      email.elements.find((e) => e.tagName === 'a' && textContent(e) === 'Try Acme free');
    expect(cta && attr(cta, 'href')).toBe(
      'https://acme.example.com/?utm_source=galley&ref=fixture',
    );
  });

  it('poll and feedback options link to voteUrl?poll=<id>&choice=<n>, with the profile default as fallback', () => {
    const hrefs = email.elements.filter((e) => e.tagName === 'a').map((a) => attr(a, 'href')!);
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://vote.galley.example.org/poll?poll=fx-poll&choice=1',
        'https://vote.galley.example.org/poll?poll=fx-poll&choice=3',
        'https://vote.galley.example.org/rate?issue=7&poll=fx-feedback&choice=2',
      ]),
    );
  });

  it('without any vote URL the options are listed without links, with a warning', () => {
    const e = restoreEdition({
      sections: [{ id: 'p1', kind: 'poll', question: 'Q?', options: ['Yes', 'No'], voteUrl: '' }],
    });
    const { html: out, warnings } = renderEmail(e, defaultProfile());
    expect(out).toContain('<li style="margin:0 0 6px">Yes</li>');
    expect(out).not.toContain('choice=');
    expect(warnings.join()).toMatch(/no vote URL/);
  });

  it('a sponsor without a disclosure still goes out disclosed', () => {
    const e = restoreEdition({
      sections: [
        {
          id: 'x',
          kind: 'sponsor',
          sponsor: 'Acme',
          url: 'https://acme.example.com',
          disclosure: '',
        },
      ],
    });
    expect(renderEmail(e, defaultProfile()).html).toContain('This is paid content from Acme.');
  });
});

describe('profile', () => {
  it('a logo with a dark variant swaps in dark mode; without one it gets a light plate', () => {
    const withDark = renderEmail(fixtureEdition(), fixtureProfile).html;
    expect(withDark).toContain('class="gx-logo-light"');
    expect(withDark).toMatch(
      /class="gx-logo-dark gx-text" style="display:none;max-height:0;overflow:hidden;mso-hide:all/,
    );
    const plated = renderEmail(sampleEdition(), sampleProfile).html;
    expect(plated).toContain('class="gx-logo"');
    expect(plated).toMatch(/\.gx-logo\{background-color:#ffffff !important/);
  });

  it('asset images resolve under the public base URL, with the extension when known', () => {
    const { html } = renderEmail(fixtureEdition(), fixtureProfile, {
      assetExtension: (h) => (h.startsWith('ab') ? 'png' : undefined),
    });
    expect(html).toContain(
      `src="https://cdn.galley.example.org/pub/images/${'ab'.repeat(32)}.png"`,
    );
    expect(html).toContain(`src="https://cdn.galley.example.org/pub/images/${'cd'.repeat(32)}"`);
  });

  it('without a public base URL an asset image is left out, its alt text kept, with a warning', () => {
    const e = editionWith([
      {
        type: 'image',
        version: 1,
        src: `asset:${'ef'.repeat(32)}`,
        alt: 'kept alt',
        width: null,
        caption: '',
      },
    ]);
    const { html, warnings } = renderEmail(e, defaultProfile());
    expect(html).not.toContain('<img');
    expect(html).toContain('[Image: kept alt]');
    expect(warnings.join()).toMatch(/no https URL/);
  });

  it('a light accent colour still gives readable links and button text', () => {
    const { html } = renderEmail(fixtureEdition(), restoreProfile({ accentColor: '#ffee00' }));
    expect(html).toMatch(/bgcolor="#ffee00"[^>]*><a [^>]*style="color:#111111/);
    expect(html).not.toMatch(/class="gx-link" style="color:#ffee00/);
  });

  it('right-to-left publications set dir and mirror rules and indents', () => {
    const { html } = renderEmail(fixtureEdition(), restoreProfile({ dir: 'rtl', lang: 'ar' }));
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain('border-right:4px solid');
    expect(html).toContain('padding-right:24px');
  });
});

describe('size and lines', () => {
  const big = (paragraphs: number) =>
    editionWith(
      Array.from({ length: paragraphs }, (_, i) => para(text(`Paragraph ${i} `.repeat(40)))),
    );

  it('warns from 90 KB and again over 102 KB', () => {
    const near = renderEmail(big(165), defaultProfile());
    expect(near.html.length).toBeGreaterThan(90_000);
    expect(near.html.length).toBeLessThan(102_000);
    expect(near.warnings.join()).toMatch(/close to Gmail/);
    const over = renderEmail(big(200), defaultProfile());
    expect(over.warnings.join()).toMatch(/Gmail clips/);
  });

  it('long paragraphs, words without spaces and long alt text are broken below 998 bytes, text unchanged', () => {
    const long = 'x'.repeat(2500);
    const e = editionWith([
      para(text(`${'lorem ipsum '.repeat(200)}`), text('bold '.repeat(100), 1)),
      para(text(long)),
      {
        type: 'image',
        version: 1,
        src: 'https://galley.example.org/i.png',
        alt: 'alt words '.repeat(60),
        width: 100,
        caption: '',
      },
    ]);
    const { html, warnings } = renderEmail(e, defaultProfile());
    expect(warnings).toEqual([]);
    for (const line of html.split('\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(998);
    expect(textContent(parseEmail(html, '', e).body)).toContain(long);
  });
});
