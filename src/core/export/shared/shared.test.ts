import { describe, expect, it } from 'vitest';
import { fixtureEdition, sampleEdition } from '../../../../test/fixtures/export/fixtures.ts';
import { fixtureProfile } from '../../../../test/fixtures/export/profiles.ts';
import { seededRandom } from '../../../../test/helpers/random.ts';
import { agendaItems } from './agenda.ts';
import { referencedAssets, resolveImageSrc } from './assets.ts';
import { exportHref, voteBase, voteLink } from './links.ts';
import { defaultProfile, restoreProfile } from './profile.ts';
import { hasLineOver, utf8ByteLength } from './text.ts';
import { walkBody } from './walkBody.ts';

describe('restoreProfile', () => {
  it('fills defaults for nothing and keeps a valid profile as it is', () => {
    expect(restoreProfile(undefined)).toEqual(defaultProfile());
    expect(restoreProfile(fixtureProfile)).toEqual(fixtureProfile);
  });

  it('repairs each field instead of throwing', () => {
    const p = restoreProfile({
      name: 7,
      accentColor: '#ABC',
      logoUrl: 'http://x.example.com/l.png',
      unsubscribeUrl: 'javascript:x',
      publicBaseUrl: 'https://cdn.example.com/a/',
      lang: 'english!',
      dir: 'up',
      logoWidth: 9000,
    });
    expect(p).toMatchObject({
      name: 'My Newsletter',
      accentColor: '#aabbcc',
      logoUrl: '',
      unsubscribeUrl: '{{unsubscribe_url}}',
      publicBaseUrl: 'https://cdn.example.com/a',
      lang: 'en',
      dir: 'ltr',
      logoWidth: 600,
    });
  });
});

describe('assets', () => {
  it('resolves asset: images under the public base URL and refuses http', () => {
    const hash = 'ab'.repeat(32);
    expect(resolveImageSrc(`asset:${hash}`, fixtureProfile, () => 'webp')).toBe(
      `https://cdn.galley.example.org/pub/images/${hash}.webp`,
    );
    expect(resolveImageSrc(`asset:${hash}`, defaultProfile())).toBeNull();
    expect(resolveImageSrc('http://x.example.com/a.png', fixtureProfile)).toBeNull();
    expect(resolveImageSrc('https://x.example.com/a.png', fixtureProfile)).toBe(
      'https://x.example.com/a.png',
    );
  });

  it('lists every referenced asset once, logos first', () => {
    expect(referencedAssets(fixtureEdition(), fixtureProfile)).toEqual([
      'cd'.repeat(32),
      'ab'.repeat(32),
    ]);
    expect(referencedAssets(sampleEdition())).toEqual([]);
  });
});

describe('links', () => {
  it('builds vote links with the section id and a 1-based choice, keeping the base query', () => {
    expect(voteLink('https://v.example.com/p?x=1#top', 'sec-1', 2)).toBe(
      'https://v.example.com/p?x=1&poll=sec-1&choice=2#top',
    );
    expect(voteBase('', 'https://d.example.com')).toBe('https://d.example.com');
    expect(voteBase('{{vote_url}}', '')).toBeNull();
  });

  it('writes only allowlisted URLs, percent-encoding quotes and brackets', () => {
    expect(exportHref('javascript:alert(1)')).toBeNull();
    expect(exportHref(`https://x.example.com/${'a'.repeat(900)}`)).toBeNull();
    expect(exportHref('https://x.example.com/"<a>`')).toBe('https://x.example.com/%22%3Ca%3E%60');
    expect(exportHref('{{unsubscribe_url}}')).toBe('{{unsubscribe_url}}');
  });
});

describe('agenda, walking, sizes', () => {
  it('the agenda is the story titles in order', () => {
    expect(agendaItems(sampleEdition()).map((a) => a.title)).toEqual([
      'The nine-minute build',
      'Headlines',
      'Toolkit',
      'Before you go',
    ]);
  });

  it('walkBody visits every node with its path from the root', () => {
    const paths: string[] = [];
    walkBody(sampleEdition().sections[3]!.body, (node, path) => {
      if (node.type === 'link') paths.push(path.join('.'));
    });
    expect(paths.slice(0, 2)).toEqual(['1.0.0', '1.1.0']);
  });

  it('counts UTF-8 bytes like TextEncoder', () => {
    for (const s of [
      'abc',
      'café',
      '日本語',
      'emoji 🎉',
      '\ud800 lone',
      'end\ud83c',
      '\udc00x',
      '',
    ])
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    // Every kind of unit, in random order: ASCII, 2- and 3-byte, pairs, lone surrogates.
    const units = [
      'a',
      '\n',
      'é',
      'ߺ',
      '€',
      '\uffff',
      '🎉',
      '\ud800',
      '\udfff',
      '\u0080',
      '\u07ff',
    ];
    const random = seededRandom(5);
    for (let run = 0; run < 200; run++) {
      const s = Array.from({ length: random.int(0, 40) }, () => random.pick(units)).join('');
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('finds a line over a byte limit, counting bytes, not characters', () => {
    expect(hasLineOver('short\nlines\n', 10)).toBe(false);
    expect(hasLineOver('short\n12345678901\nend', 10)).toBe(true);
    expect(hasLineOver('first line is long\n', 10)).toBe(true);
    expect(hasLineOver('ok\nlast line is long', 10)).toBe(true);
    // Four 3-byte characters are 12 bytes on a 4-character line.
    expect(hasLineOver('ab\n€€€€\ncd', 10)).toBe(true);
    expect(hasLineOver('ab\n€€€\ncd', 10)).toBe(false);
    expect(hasLineOver('', 10)).toBe(false);
  });
});
