import type { SerializedBodyNode } from '../../src/core/index.ts';
import { el } from './bodyNodes.ts';
import type { Random } from './random.ts';

type Inline = (r: Random) => SerializedBodyNode[];

const EMBEDS: Array<Record<string, string>> = [
  {
    provider: 'youtube',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    image: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
  },
  { provider: 'vimeo', url: 'https://vimeo.com/76979871', image: 'https://i.example.com/v.jpg' },
  { provider: 'x', url: 'https://x.com/ada/status/1', author: 'Ada', handle: '@ada' },
  { provider: 'bluesky', url: 'https://bsky.app/profile/ada.example.com/post/3k', author: 'Ada' },
  { provider: 'mastodon', url: 'https://hachyderm.io/@grace/1', handle: '@grace@hachyderm.io' },
  { provider: 'linkedin', url: 'https://www.linkedin.com/posts/ada_1', author: 'Ada L.' },
  { provider: 'link', url: 'https://blog.example.com/p?a=1', image: 'https://i.example.com/c.png' },
];

/**
 * One of issue 12's cards for generated editions: a callout around random paragraphs, an
 * embed of a random provider, or a small HTML card; `inline` draws the text.
 */
export function generateCard(r: Random, inline: Inline): SerializedBodyNode {
  switch (r.int(0, 2)) {
    case 0:
      return {
        ...el('callout', [el('paragraph', inline(r)), el('paragraph', inline(r))]),
        emoji: r.pick(['💡', '⚠️', '']),
        title: r.pick(['TL;DR', 'Why it matters', '']),
      };
    case 1:
      return {
        type: 'embed',
        version: 1,
        title: r.pick(['A talk', 'Release notes', 'café 日本語']),
        text: r.pick(['', 'What shipped this week.', '*not emphasis* <b>not a tag</b>']),
        alt: r.pick(['A thumbnail', 'Screenshot of the post']),
        ...r.pick(EMBEDS),
      };
    default:
      return {
        type: 'htmlcard',
        version: 1,
        html: r.pick([
          '<p style="color:#112233">A partner note with <a href="https://partner.example.com/x" style="color:#1a56db">a link</a></p>',
          '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:8px">Cell</td></tr></table>',
        ]),
      };
  }
}
