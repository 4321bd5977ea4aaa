import { describe, expect, it } from 'vitest';
import { el, para, text } from '../../../test/helpers/bodyNodes.ts';
import { generateEdition } from '../../../test/helpers/generateEdition.ts';
import { restoreBody } from '../model/restoreBody.ts';
import { restoreEdition } from '../model/restoreEdition.ts';
import type { Edition, Section, SerializedBodyNode } from '../model/types.ts';
import { emailDocument } from './email/document.ts';
import { paletteFor } from './email/palette.ts';
import { renderEmail } from './email/renderEmail.ts';
import { serializeEmail } from './email/serialize.ts';
import { CONTENT_WIDTH } from './email/styles.ts';
import { bodyToMdast } from './markdown/bodyToMdast.ts';
import { renderMarkdown, sectionBlocks } from './markdown/renderMarkdown.ts';
import type { Handle } from 'mdast-util-to-markdown';
import { OPTIONS, serializeMdast } from './markdown/serializeMdast.ts';
import { RenderCache } from './RenderCache.ts';
import { restoreProfile } from './shared/profile.ts';
import { renderTextWithWarnings } from './text/renderText.ts';

const profile = restoreProfile({ name: 'Cache Weekly', publicBaseUrl: 'https://cdn.example.org' });

function withBody(section: Section, children: SerializedBodyNode[]): Section {
  return { ...section, body: restoreBody({ root: { type: 'root', children } }) };
}

function all(edition: Edition, cache?: RenderCache, assets: Record<string, string> = {}) {
  const assetExtension = (hash: string) => assets[hash];
  return {
    email: renderEmail(edition, profile, { assetExtension, cache }),
    markdown: renderMarkdown(edition, { cache }),
    text: renderTextWithWarnings(edition, profile, { cache }),
  };
}

describe('RenderCache', () => {
  it('renders what a cold export renders after each change, re-rendering only what changed', () => {
    const cache = new RenderCache();
    let edition = restoreEdition(generateEdition(21, 6));
    const assets: Record<string, string> = {};
    const image = {
      type: 'image',
      version: 1,
      src: `asset:${'a'.repeat(64)}`,
      alt: 'Chart',
      width: 400,
    };
    const changes: Array<[string, (e: Edition) => Edition]> = [
      [
        'a new body',
        (e) => ({
          ...e,
          sections: e.sections.map((s, i) =>
            i === 2 ? withBody(s, [para(text('Fresh words <b>'))]) : s,
          ),
        }),
      ],
      [
        'a new title',
        (e) => ({
          ...e,
          sections: e.sections.map((s, i) => (i === 2 ? { ...s, title: 'Fresh title' } : s)),
        }),
      ],
      [
        'an uploaded image',
        (e) => ({ ...e, sections: e.sections.map((s, i) => (i === 3 ? withBody(s, [image]) : s)) }),
      ],
      ['its asset stored later', (e) => ((assets['a'.repeat(64)] = 'png'), e)],
      ['sections moved', (e) => ({ ...e, sections: [...e.sections].reverse() })],
      ['a section removed', (e) => ({ ...e, sections: e.sections.slice(1) })],
    ];
    all(edition, cache, assets);
    for (const [what, change] of changes) {
      edition = change(edition);
      const misses = cache.stats.misses;
      expect(all(edition, cache, assets), what).toEqual(all(edition, undefined, assets));
      expect(cache.stats.misses - misses, what).toBeLessThanOrEqual(3 + 2);
    }
    const html = all(edition, cache, assets).email.html;
    expect(html).toContain(`https://cdn.example.org/images/${'a'.repeat(64)}.png`);
  });

  it('splices section rows into the frame exactly as the whole tree serializes', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const edition = restoreEdition(generateEdition(seed, 5));
      const ctx = {
        profile,
        palette: paletteFor(profile),
        width: CONTENT_WIDTH,
        where: 'edition',
        warn: () => {},
      };
      expect(renderEmail(edition, profile).html).toBe(serializeEmail(emailDocument(edition, ctx)));
    }
  });

  it('joins Markdown parts exactly as serializing every block at once writes them', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const edition = restoreEdition(generateEdition(seed, 5));
      const whole = serializeMdast(edition.sections.flatMap(sectionBlocks));
      expect(renderMarkdown(edition).split('---\n\n').slice(1).join('---\n\n')).toBe(whole);
    }
  });

  it("escapes text the same with text's peek as with full lookahead", () => {
    const hostile = [
      '*',
      '_',
      '#',
      '1.',
      '!',
      '[',
      '<a',
      '&amp;',
      '`',
      '~',
      '\\',
      '-',
      '+',
      '|',
      ' ',
      '\u00a0',
    ];
    for (let seed = 1; seed <= 20; seed++) {
      const body = restoreEdition(generateEdition(seed, 4)).sections.map((s) => s.body);
      // Hostile characters at the start of every text that follows a link or a format.
      const runs = hostile.map((h, i) =>
        para(
          text(`a${h}`),
          text(`${h}b`, 1 << (i % 5)),
          text(`${h}${h} c`),
          el('link', [text(h)], { url: 'https://x.example.org' }),
          text(`${h}d`),
        ),
      );
      const blocks = [
        ...body.flatMap(bodyToMdast),
        ...bodyToMdast(restoreBody({ root: { type: 'root', children: runs } })),
      ];
      // Every peek must give the first character that escaping the whole text gives.
      const mismatches: string[] = [];
      // serializeMdast.ts gives its text handler a peek; the test checks it against the handler.
      const full = OPTIONS.handlers!.text as Handle & { peek: Handle };
      const peek = full.peek;
      const checking: Handle = Object.assign((...args: Parameters<Handle>) => full(...args), {
        peek: (...args: Parameters<Handle>) => {
          const [node, parent, state, info] = args;
          const expected = full(node, parent, state, info).charAt(0);
          const got = peek(node, parent, state, info).charAt(0);
          if (got !== expected) mismatches.push(`${JSON.stringify(node)}: ${got} vs ${expected}`);
          return got;
        },
      });
      const withoutPeek: Handle = (...args) => full(...args);
      const handlers = (text: Handle) => ({ ...OPTIONS, handlers: { ...OPTIONS.handlers, text } });
      expect(serializeMdast(blocks, handlers(checking))).toBe(serializeMdast(blocks));
      expect(mismatches).toEqual([]);
      expect(serializeMdast(blocks)).toBe(serializeMdast(blocks, handlers(withoutPeek)));
    }
  });
});
