import type { BlockContent, Code, PhrasingContent, RootContent } from 'mdast';
import { embedKind, PROVIDER_NAMES, type EmbedFields } from '../../model/embed.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { calloutOf, embedOf, htmlCardSourceOf } from '../shared/cardNodes.ts';
import { marker } from './galleyMarkers.ts';
import { isRawHtmlBlock, isRawHtmlParagraph } from './rawHtmlBlock.ts';

/**
 * The card nodes in Galley Markdown. Each round trips exactly and still reads in any
 * other Markdown tool:
 *
 * - callout: `<!-- galley:callout {"emoji","title"} -->`, its blocks as ordinary Markdown,
 *   `<!-- galley:callout-end -->`. Other tools show the blocks.
 * - embed: `<!-- galley:embed {fields} -->` (the fields, the source of truth) and then one
 *   ordinary block other tools show: a linked thumbnail for a video, a quote for a post, a
 *   link for a link card. The importer reads the fields and skips that block.
 * - HTML card: the HTML it keeps (the editor's source when inert, else the sanitized form:
 *   cardHtmlToKeep), written bare when Markdown reads that back as exactly this HTML (a raw
 *   HTML block, or a paragraph that opens with HTML; see rawHtmlBlock.ts) and it holds no
 *   Galley comment; otherwise a fenced block with the info string `html galley-card`,
 *   holding the HTML exactly (the fence grows past any backtick run inside). Other tools
 *   render the first and show the second as code. This is the one export that writes a
 *   card's source: every other one reads it through the email sanitizer.
 */

/** The info string of an HTML card's fence: language `html`, meta `galley-card`. */
export const HTML_CARD_LANG = 'html';
export const HTML_CARD_META = 'galley-card';

/** A callout: its markers around its blocks. */
export function calloutToMdast(
  node: SerializedBodyNode,
  blockToMdast: (node: SerializedBodyNode) => RootContent[],
): RootContent[] {
  const { emoji, title } = calloutOf(node);
  return [
    { type: 'html', value: marker('callout', { emoji, title }) },
    ...(node.children ?? []).flatMap(blockToMdast),
    { type: 'html', value: marker('callout-end') },
  ];
}

/** An embed: its marker with every field, then the block other tools show. */
export function embedToMdast(node: SerializedBodyNode): RootContent[] {
  const fields = embedOf(node);
  const { provider, url, title, text, author, handle, image, alt } = fields;
  return [
    {
      type: 'html',
      value: marker('embed', { provider, url, title, text, author, handle, image, alt }),
    },
    visibleEmbed(fields),
  ];
}

/** An HTML card: its kept HTML bare, or a fence when Markdown cannot hold it as written. */
export function htmlCardToMdast(node: SerializedBodyNode): RootContent[] {
  const html = htmlCardSourceOf(node);
  if (html === '') return [];
  // A Galley comment written bare would be read back as a marker, not as this card.
  if (!html.includes('<!-- galley:') && (isRawHtmlBlock(html) || isRawHtmlParagraph(html)))
    return [{ type: 'html', value: html }];
  const code: Code = { type: 'code', lang: HTML_CARD_LANG, meta: HTML_CARD_META, value: html };
  return [code];
}

// Never empty: the importer skips exactly one block after the marker.
function visibleEmbed(f: EmbedFields): BlockContent {
  const provider = PROVIDER_NAMES[f.provider];
  const label = (value: string, fallback: string) => (value.trim() !== '' ? value : fallback);
  const linked = (children: PhrasingContent[]): PhrasingContent =>
    ({ type: 'link', url: f.url, title: null, children }) as PhrasingContent;
  switch (embedKind(f.provider)) {
    case 'video': {
      const inner: PhrasingContent =
        f.image !== ''
          ? { type: 'image', url: f.image, alt: f.alt, title: f.title === '' ? null : f.title }
          : { type: 'text', value: label(f.title, `Video on ${provider}`) };
      return { type: 'paragraph', children: [linked([inner])] };
    }
    case 'post': {
      const by = [f.author, f.handle].filter((s) => s !== '').join(' ');
      const lines = f.text.split('\n').filter((line) => line.trim() !== '');
      const children: PhrasingContent[] = [];
      lines.forEach((line, i) => {
        if (i > 0) children.push({ type: 'break' });
        children.push({ type: 'text', value: line });
      });
      return {
        type: 'blockquote',
        children: [
          ...(children.length > 0 ? [{ type: 'paragraph' as const, children }] : []),
          {
            type: 'paragraph',
            children: [
              ...(by === '' ? [] : [{ type: 'text' as const, value: `${by} on ` }]),
              linked([{ type: 'text', value: provider }]),
            ],
          },
        ],
      };
    }
    default: {
      const children: PhrasingContent[] = [
        linked([{ type: 'text', value: label(f.title, label(f.url, 'Link')) }]),
      ];
      if (f.text !== '') children.push({ type: 'text', value: ` \u2014 ${f.text}` });
      return { type: 'paragraph', children };
    }
  }
}
