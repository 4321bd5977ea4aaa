import { describe, expect, it } from 'vitest';
import { fixtureEdition } from '../../../../test/fixtures/export/fixtures.ts';
import { fixtureProfile } from '../../../../test/fixtures/export/profiles.ts';
import { LINK_REL, LINK_REL_NO_UTM, restoreBody } from '../../model/restoreBody.ts';
import { restoreEdition } from '../../model/restoreEdition.ts';
import type { Edition } from '../../model/types.ts';
import { renderEmail } from '../email/renderEmail.ts';
import { renderText } from '../text/renderText.ts';
import { finalLinks } from './finalLinks.ts';
import { restoreProfile, type PublicationProfile } from './profile.ts';
import { tagEdition } from './tagEdition.ts';
import { applyUtm, restoreUtm, utmCampaign, type UtmContext, type UtmSettings } from './utm.ts';

const settings: UtmSettings = { source: 'build log', medium: 'email', campaign: 'issue-{number}' };
const context: UtmContext = {
  number: 42,
  date: '2026-11-26',
  slug: 'issue-42',
  ownUrls: ['https://buildlog.example.com/archive', 'https://lists.example.com/unsub?u={{id}}'],
};
const TAGS = 'utm_source=build%20log&utm_medium=email&utm_campaign=issue-42';

describe('applyUtm on a corpus of links', () => {
  const corpus: Array<[string, string, string]> = [
    ['plain https link', 'https://example.com/post', `https://example.com/post?${TAGS}`],
    ['plain http link', 'http://example.com', `http://example.com?${TAGS}`],
    ['existing query kept first', 'https://ex.com/a?b=1&c=2', `https://ex.com/a?b=1&c=2&${TAGS}`],
    ['empty query', 'https://ex.com/a?', `https://ex.com/a?${TAGS}`],
    ['fragment stays last', 'https://ex.com/a?x=1#part', `https://ex.com/a?x=1&${TAGS}#part`],
    ['fragment without query', 'https://ex.com/a#part', `https://ex.com/a?${TAGS}#part`],
    ['IDN host as written', 'https://bücher.example/liste', `https://bücher.example/liste?${TAGS}`],
    ['punycode host', 'https://xn--bcher-kva.example/', `https://xn--bcher-kva.example/?${TAGS}`],
    ['uppercase scheme', 'HTTPS://Example.COM/Path', `HTTPS://Example.COM/Path?${TAGS}`],
    ['already tagged', 'https://ex.com/?utm_source=x', 'https://ex.com/?utm_source=x'],
    [
      'tagged in other case',
      'https://ex.com/?a=1&UTM_Medium=y',
      'https://ex.com/?a=1&UTM_Medium=y',
    ],
    ['mailto', 'mailto:editor@example.com?subject=Hi', 'mailto:editor@example.com?subject=Hi'],
    ['tel', 'tel:+15550100', 'tel:+15550100'],
    ['fragment only', '#top', '#top'],
    ['merge tag', '{{unsubscribe_url}}', '{{unsubscribe_url}}'],
    ['mailchimp merge tag', '*|ARCHIVE|*', '*|ARCHIVE|*'],
    [
      'unsubscribe link',
      'https://lists.example.com/unsub?u=7',
      'https://lists.example.com/unsub?u=7',
    ],
    [
      'archive page',
      'https://buildlog.example.com/archive/issue-41/',
      'https://buildlog.example.com/archive/issue-41/',
    ],
    [
      'archive root',
      'https://BUILDLOG.example.com/archive',
      'https://BUILDLOG.example.com/archive',
    ],
    [
      'same host outside archive',
      'https://buildlog.example.com/about',
      `https://buildlog.example.com/about?${TAGS}`,
    ],
    [
      'prefix lookalike',
      'https://buildlog.example.com/archive-old',
      `https://buildlog.example.com/archive-old?${TAGS}`,
    ],
  ];
  it.each(corpus)('%s', (_, url, expected) => {
    expect(applyUtm(url, settings, context)).toBe(expected);
  });

  it('leaves links alone when opted out, when off, or when too long for a mail line', () => {
    expect(applyUtm('https://ex.com/', settings, { ...context, optOut: true })).toBe(
      'https://ex.com/',
    );
    expect(applyUtm('https://ex.com/', { ...settings, source: '' }, context)).toBe(
      'https://ex.com/',
    );
    const long = `https://ex.com/${'a'.repeat(850)}`;
    expect(applyUtm(long, settings, context)).toBe(long);
  });

  it('adds utm_content (a sponsor) encoded, and fills the campaign pattern', () => {
    expect(applyUtm('https://acme.example/', settings, { ...context, content: 'Acme & Co' })).toBe(
      `https://acme.example/?${TAGS}&utm_content=Acme%20%26%20Co`,
    );
    expect(utmCampaign('{date}-{slug}', context)).toBe('2026-11-26-issue-42');
    expect(utmCampaign('issue-{number}', { ...context, number: null })).toBe('issue');
  });

  it('restoreProfile repairs the utm settings', () => {
    expect(restoreProfile({}).utm).toEqual({
      source: '',
      medium: 'email',
      campaign: 'issue-{number}',
    });
    expect(restoreUtm({ source: ' News\nletter ', medium: 3, campaign: 'x'.repeat(300) })).toEqual({
      source: 'News letter',
      medium: 'email',
      campaign: 'x'.repeat(100),
    });
    expect(restoreProfile({ utm: 'yes' }).utm.source).toBe('');
  });
});

const link = (url: string, rel?: string) => ({
  type: 'link',
  url,
  rel,
  children: [{ type: 'text', text: `to ${url}` }],
});

function linkEdition(): Edition {
  return restoreEdition({
    id: 'utm-edition',
    title: 'Links',
    number: 9,
    status: 'ready',
    sections: [
      {
        id: 's-story',
        kind: 'story',
        title: 'Story',
        body: {
          root: {
            children: [
              {
                type: 'paragraph',
                children: [
                  link('https://news.example.com/a'),
                  link('https://optout.example.com/b', LINK_REL_NO_UTM),
                  link('mailto:hi@example.com'),
                ],
              },
              { type: 'button', label: 'Read', url: 'https://read.example.com/' },
            ],
          },
        },
      },
      {
        id: 's-sponsor',
        kind: 'sponsor',
        title: 'Sponsor',
        sponsor: 'Acme Tools',
        url: 'https://acme.example.com/try',
        cta: 'Try Acme',
        disclosure: 'Paid.',
        body: {
          root: {
            children: [{ type: 'paragraph', children: [link('https://acme.example.com/docs')] }],
          },
        },
      },
    ],
  });
}

const tracked: PublicationProfile = restoreProfile({
  ...fixtureProfile,
  utm: { source: 'galley', medium: 'email', campaign: 'issue-{number}' },
});

describe('tracked links at export', () => {
  it('keeps the opt-out in rel through restoreBody (old bodies keep plain noreferrer)', () => {
    const body = restoreBody({
      root: {
        children: [
          {
            type: 'paragraph',
            children: [
              link('https://x.example/', 'noreferrer no-utm'),
              link('https://y.example/', 'nofollow'),
            ],
          },
        ],
      },
    });
    const rels = body.root.children[0]!.children!.map((n) => n.rel);
    expect(rels).toEqual([LINK_REL_NO_UTM, LINK_REL]);
  });

  it('tags email HTML and plain text when utm is set, and nothing when it is not', () => {
    const edition = linkEdition();
    const tag = 'utm_source=galley&amp;utm_medium=email&amp;utm_campaign=issue-9';
    const html = renderEmail(tagEdition(edition, tracked), tracked).html;
    expect(html).toContain(`https://news.example.com/a?${tag}"`);
    expect(html).toContain(`https://read.example.com/?${tag}"`);
    expect(html).toContain(`https://acme.example.com/try?${tag}&amp;utm_content=Acme%20Tools"`);
    expect(html).toContain(`https://acme.example.com/docs?${tag}&amp;utm_content=Acme%20Tools"`);
    expect(html).toContain('href="https://optout.example.com/b"');
    expect(html).toContain('href="mailto:hi@example.com"');
    expect(html).toContain('href="https://galley.example.org/unsubscribe?u={{id}}"');
    const text = renderText(tagEdition(edition, tracked), tracked);
    expect(text).toContain('https://news.example.com/a?utm_source=galley&utm_medium=email');

    const untracked = restoreProfile(fixtureProfile);
    expect(tagEdition(edition, untracked)).toBe(edition);
    expect(renderEmail(tagEdition(edition, untracked), untracked).html).not.toContain('utm_');
    expect(renderText(tagEdition(edition, untracked), untracked)).not.toContain('utm_');
  });

  it('shares unchanged bodies and reuses a tagged body for the same body and settings', () => {
    const edition = fixtureEdition();
    const once = tagEdition(edition, tracked);
    const twice = tagEdition(edition, tracked);
    once.sections.forEach((s, i) => expect(twice.sections[i]!.body).toBe(s.body));
    // The fixture's sponsor URL was tagged by the sponsor already: left alone.
    const sponsor = once.sections.find((s) => s.kind === 'sponsor');
    expect(sponsor).toMatchObject({
      url: 'https://acme.example.com/?utm_source=galley&ref=fixture',
    });
  });

  it('lists every link with its final URL for the Checks panel', () => {
    const links = finalLinks(linkEdition(), tracked);
    expect(links.map((l) => [l.sectionId, l.text, l.finalUrl])).toEqual([
      [
        's-story',
        'to https://news.example.com/a',
        'https://news.example.com/a?utm_source=galley&utm_medium=email&utm_campaign=issue-9',
      ],
      ['s-story', 'to https://optout.example.com/b', 'https://optout.example.com/b'],
      ['s-story', 'to mailto:hi@example.com', 'mailto:hi@example.com'],
      [
        's-story',
        'Read',
        'https://read.example.com/?utm_source=galley&utm_medium=email&utm_campaign=issue-9',
      ],
      [
        's-sponsor',
        'to https://acme.example.com/docs',
        'https://acme.example.com/docs?utm_source=galley&utm_medium=email&utm_campaign=issue-9&utm_content=Acme%20Tools',
      ],
      [
        's-sponsor',
        'Try Acme',
        'https://acme.example.com/try?utm_source=galley&utm_medium=email&utm_campaign=issue-9&utm_content=Acme%20Tools',
      ],
    ]);
    expect(
      finalLinks(fixtureEdition(), tracked).some(
        (l) => l.url.includes('poll') || l.finalUrl?.includes('choice=1'),
      ),
    ).toBe(true);
  });
});
