import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../export/shared/profile.ts';
import { preflight } from './preflight.ts';
import { cardsEdition } from '../../../test/fixtures/cards/cardsEdition.ts';
import { recognizeEmbedUrl } from '../model/embed.ts';

const codes = (extra: Parameters<typeof cardsEdition>[0]) =>
  preflight(cardsEdition(extra), defaultProfile()).findings.map((f) => f.code);

describe('preflight on card nodes', () => {
  it('finds nothing card-related on well-made cards', () => {
    expect(codes([]).filter((c) => /^(embed|htmlcard)-/.test(c))).toEqual([]);
  });

  it('flags an embed without a link, without alt text, or a video without a thumbnail', () => {
    const found = codes([
      {
        type: 'embed',
        version: 1,
        provider: 'link',
        url: '',
        title: 'T',
        image: 'https://a.example/i.png',
        alt: '',
      },
      {
        type: 'embed',
        version: 1,
        provider: 'vimeo',
        url: 'https://vimeo.com/123456',
        title: 'V',
        image: '',
        alt: '',
      },
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        'embed-missing-link',
        'embed-missing-alt',
        'embed-missing-thumbnail',
      ]),
    );
  });

  it('flags the EMAIL_RULES an HTML card breaks', () => {
    const found = codes([
      {
        type: 'htmlcard',
        version: 1,
        html: '<table width="700"><tr><td style="display:flex;color:red"><img src="http://a.example/i.png"><a href="http://a.example/">x</a><hr></td></tr></table>',
      },
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        'htmlcard-too-wide',
        'htmlcard-img-alt',
        'htmlcard-img-width',
        'htmlcard-img-insecure',
        'htmlcard-link-insecure',
        'htmlcard-table-attributes',
        'htmlcard-layout',
        'htmlcard-hr',
        'htmlcard-color',
        'htmlcard-unstyled',
      ]),
    );
  });

  it('says nothing of a card whose text elements are styled inline', () => {
    const found = codes([
      {
        type: 'htmlcard',
        version: 1,
        html: '<p style="margin:0;color:#333333">Hi <a href="https://a.example/" style="color:#1a56db">there</a></p>',
      },
    ]);
    expect(found.filter((c) => c.startsWith('htmlcard-'))).toEqual([]);
  });
});

describe('recognizeEmbedUrl (offline)', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1',
      'youtube',
      'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
      null,
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ',
      'youtube',
      'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
      null,
    ],
    [
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'youtube',
      'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
      null,
    ],
    ['https://vimeo.com/76979871', 'vimeo', null, null],
    ['https://x.com/jack/status/20', 'x', null, '@jack'],
    ['https://twitter.com/jack/status/20', 'x', null, '@jack'],
    ['https://bsky.app/profile/ann.bsky.social/post/3kabc', 'bluesky', null, '@ann.bsky.social'],
    ['https://mastodon.social/@ann/112233', 'mastodon', null, '@ann@mastodon.social'],
    ['https://www.linkedin.com/posts/ann_activity-123', 'linkedin', null, null],
    ['https://example.org/a', 'link', null, null],
  ])('%s is %s', (url, provider, image, handle) => {
    expect(recognizeEmbedUrl(url)).toMatchObject({ provider, image, handle });
  });

  it('refuses what is not an http(s) URL', () => {
    expect(recognizeEmbedUrl('javascript:alert(1)')).toBeNull();
    expect(recognizeEmbedUrl('data:text/html,x')).toBeNull();
    expect(recognizeEmbedUrl('not a url')).toBeNull();
  });
});
