import type { SerializedBodyNode } from '../src/core/model/types.ts';

type Node = SerializedBodyNode;

const text = (value: string, format = 0): Node => ({
  type: 'text',
  version: 1,
  text: value,
  format,
});

/**
 * The content blocks of issue 12 for the export benchmark's edition (loose input, restored
 * with the rest): code blocks, a callout, embeds (video, post, link card) and an HTML card.
 * `words(n)` supplies the text, so the edition stays deterministic for a seed.
 */
export function benchBlocks(words: (n: number) => string, section: number): Node[] {
  const blocks: Node[] = [];
  if (section % 4 === 1) blocks.push(codeBlock(section));
  if (section === 2)
    blocks.push({
      type: 'callout',
      version: 1,
      emoji: '💡',
      title: 'TL;DR',
      children: [{ type: 'paragraph', version: 1, children: [text(words(40))] }],
    });
  if (section === 6)
    blocks.push(
      embed('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', words, {
        image: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
      }),
      embed('bluesky', 'https://bsky.app/profile/ada.example.org/post/3k', words, {
        author: 'Ada',
        handle: '@ada.example.org',
      }),
    );
  if (section === 10)
    blocks.push(
      embed('link', 'https://blog.example.org/posts/build-cache', words, {
        image: 'https://images.example.org/card.png',
      }),
      {
        type: 'htmlcard',
        version: 1,
        html: `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td style="padding:12px;border:1px solid #dddddd"><p style="margin:0;color:#333333">${words(30)}</p><a href="https://partner.example.org/offer" style="color:#1a56db">${words(3)}</a></td></tr></table>`,
      },
    );
  return blocks;
}

function codeBlock(section: number): Node {
  const lines = [
    `export async function build${section}(cache: Cache, target: string): Promise<Result> {`,
    '  const key = await cache.key(target); // content hash of the inputs',
    '  const hit = await cache.get(key);',
    '  if (hit) return { target, status: "cached", ms: 0 };',
    '  const started = performance.now();',
    '  const output = await compile(target, { incremental: true });',
    '  await cache.put(key, output);',
    '  return { target, status: "built", ms: performance.now() - started };',
    '}',
  ];
  const children: Node[] = [];
  lines.forEach((line, index) => {
    if (index > 0) children.push({ type: 'linebreak', version: 1 });
    children.push(text(line));
  });
  return { type: 'code-block', version: 1, language: 'ts', children };
}

function embed(
  provider: string,
  url: string,
  words: (n: number) => string,
  extra: Record<string, string>,
): Node {
  return {
    type: 'embed',
    version: 1,
    provider,
    url,
    title: words(6),
    text: words(25),
    alt: words(5),
    ...extra,
  };
}
