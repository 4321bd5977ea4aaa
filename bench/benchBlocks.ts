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
 * with the rest): code blocks, a callout, embeds (video, post, link card), an HTML card, a
 * quote of several blocks, a list whose items hold code, and inline HTML.
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
  // The containers and inline HTML that came with full CommonMark: a quoted email of two
  // paragraphs and a snippet, a list of steps each with its command, a key cap in the text.
  if (section === 8)
    blocks.push({
      type: 'quoteblock',
      version: 1,
      children: [paragraph(text(words(30))), paragraph(text(words(25))), codeBlock(section)],
    });
  if (section === 9)
    blocks.push({
      type: 'blocklist',
      version: 1,
      listType: 'number',
      start: 1,
      loose: true,
      children: [1, 2, 3].map((step) => ({
        type: 'blocklistitem',
        version: 1,
        children: [paragraph(text(words(12))), codeBlock(section * 10 + step)],
      })),
    });
  if (section === 11)
    blocks.push(
      paragraph(
        text(`${words(8)} `),
        { type: 'inlinehtml', version: 1, source: '<kbd>' },
        text('Ctrl+K'),
        { type: 'inlinehtml', version: 1, source: '</kbd>' },
        text(` ${words(8)}`),
      ),
    );
  return blocks;
}

function paragraph(...children: Node[]): Node {
  return { type: 'paragraph', version: 1, children };
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
