import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { parseMarkers, type Marker } from '../export/markdown/galleyMarkers.ts';
import { sanitizeLinkUrl } from '../model/url.ts';
import { codeBlockFromMdast } from './codeBlockImport.ts';
import { groupCards } from './cardsImport.ts';
import { htmlText } from './htmlText.ts';
import type { ImportContext } from './importContext.ts';
import { listToBlocks } from './listToBlocks.ts';
import { lineBreak, paragraphNode, textNode, typeOf, type Loose } from './looseNodes.ts';
import { phrasingToInline } from './phrasingToInline.ts';
import { plainText } from './plainText.ts';
import { quoteFromMdast } from './quoteBlockImport.ts';
import { roundupItemsFromList } from './roundupImport.ts';
import { tableToBlocks } from './tableToBlocks.ts';

/**
 * Converts mdast flow content (a section's blocks) into loose Lexical blocks. Galley
 * markers (`<!-- galley:... -->`) apply to the block after them; whatever the model has no
 * place for is converted to its nearest form with a warning (raw HTML its text).
 */
export function flowToBlocks(nodes: readonly RootContent[], context: ImportContext): Loose[] {
  const out: Loose[] = [];
  let pending: Marker | null = null;
  for (const node of groupCards(nodes, context, flowToBlocks)) {
    if (node.type === 'html') {
      const markers = parseMarkers(node.value);
      if (markers?.every((m) => m.name === 'br')) {
        // A block holding nothing but line breaks (CommonMark has no such paragraph).
        out.push(paragraphNode(markers.map(lineBreak), blockAttrs(pending)));
        pending = null;
        continue;
      }
      const only = markers?.length === 1 ? markers[0]! : null;
      if (only?.name === 'empty-paragraph') {
        out.push(paragraphNode([], pickAttrs(only.attrs)));
        continue;
      }
      if (
        only &&
        (only.name === 'button' ||
          only.name === 'image' ||
          only.name === 'block' ||
          only.name === 'roundup-item' ||
          only.name === 'quote-block')
      ) {
        if (pending) context.notes.approximate();
        pending = only;
        continue;
      }
      out.push(...htmlBlock(node.value, context));
      pending = null;
      continue;
    }
    const blocks = blockToBlocks(node, pending, context);
    pending = null;
    out.push(...blocks);
  }
  if (pending) context.notes.approximate();
  return out;
}

// Which blocks each marker can describe; a marker before any other block is dropped.
const MARKED: Record<string, string[]> = {
  block: ['paragraph', 'heading', 'blockquote', 'list', 'code'],
  button: ['paragraph'],
  image: ['paragraph'],
  'roundup-item': ['list'],
  'quote-block': ['blockquote'],
};

function blockToBlocks(node: RootContent, marker: Marker | null, context: ImportContext): Loose[] {
  if (marker && !MARKED[marker.name]?.includes(node.type)) context.notes.approximate();
  const attrs = blockAttrs(marker);
  switch (node.type) {
    case 'paragraph':
      return paragraphToBlocks(node, marker, context);
    case 'heading': {
      // Every level is kept (h1 to h6): Markdown and Lexical's HeadingNode share them.
      const tag = `h${node.depth}`;
      const inline = phrasingToInline(node.children, context);
      // A heading holds text only: its images follow it.
      const images = inline.filter((n) => typeOf(n) === 'image');
      if (images.length > 0) context.notes.approximate();
      const children = inline.filter((n) => typeOf(n) !== 'image');
      return [{ ...attrs, type: 'heading', tag, children }, ...images];
    }
    case 'thematicBreak':
      return [{ type: 'horizontalrule' }];
    case 'blockquote':
      return quoteFromMdast(node, attrs, marker, context, flowToBlocks);
    case 'list':
      if (marker?.name === 'roundup-item') return roundupItemsFromList(node, marker, context);
      return listToBlocks(node, attrs, context, 0, flowToBlocks);
    case 'code':
      return [{ ...attrs, ...codeBlockFromMdast(node, context) }];
    case 'table':
      return tableToBlocks(node, context);
    case 'definition':
      // Used by the references that point at it; renders as nothing.
      return [];
    case 'galleyCards':
      return node.blocks;
    default: {
      // Nothing else is parsed with the extensions in use; keep the words of anything new.
      context.notes.approximate();
      const text = 'children' in node ? plainText(node.children) : '';
      return text === '' ? [] : [paragraphNode([textNode(text, 0)])];
    }
  }
}

function paragraphToBlocks(
  node: Paragraph,
  marker: Marker | null,
  context: ImportContext,
): Loose[] {
  if (marker?.name === 'button') {
    const link = onlyLink(node, context);
    if (link) {
      if (link.url !== '' && sanitizeLinkUrl(link.url) === null)
        context.notes.warn('A button link was removed (links must be https, http, mailto or tel).');
      return [{ type: 'button', label: plainText(link.children), url: link.url }];
    }
    context.notes.approximate();
  }
  const inline = phrasingToInline(node.children, context);
  const blocks = splitImages(inline, context);
  const first = blocks[0];
  if (marker?.name === 'image' && blocks.length === 1 && typeOf(first) === 'image') {
    const width = marker.attrs.width;
    return [{ ...first, width: typeof width === 'number' ? width : null }];
  }
  if (marker?.name === 'block' && first)
    return [{ ...blockAttrs(marker), ...first }, ...blocks.slice(1)];
  if (marker) context.notes.approximate();
  return blocks;
}

/** Lifts images out of a run of inline nodes: Galley images are blocks between paragraphs. */
function splitImages(inline: Loose[], context: ImportContext): Loose[] {
  const blocks: Loose[] = [];
  let run: Loose[] = [];
  for (const node of inline) {
    if (typeOf(node) !== 'image') {
      run.push(node);
      continue;
    }
    if (run.length > 0) blocks.push(paragraphNode(run));
    run = [];
    blocks.push(node);
  }
  if (run.length > 0) blocks.push(paragraphNode(run));
  if (blocks.length > 1) context.notes.approximate();
  return blocks;
}

function htmlBlock(value: string, context: ImportContext): Loose[] {
  context.notes.warn('Raw HTML was removed; only its text was kept.');
  const text = htmlText(value);
  return text === '' ? [] : [paragraphNode([textNode(text, 0)])];
}

function blockAttrs(marker: Marker | null): Loose {
  return marker?.name === 'block' ? pickAttrs(marker.attrs) : {};
}

// Only the attributes a marker may set; restoreBody checks their values.
function pickAttrs(attrs: Record<string, unknown>): Loose {
  const picked: Loose = {};
  for (const key of ['format', 'indent', 'direction', 'textFormat'])
    if (key in attrs) picked[key] = attrs[key];
  return picked;
}

function onlyLink(
  node: Paragraph,
  context: ImportContext,
): { url: string; children: PhrasingContent[] } | null {
  if (node.children.length !== 1) return null;
  const only = node.children[0]!;
  if (only.type === 'link') return only;
  if (only.type === 'linkReference') {
    const definition = context.definitions.get(only.identifier);
    return definition ? { url: definition.url, children: only.children } : null;
  }
  return null;
}
