import type { SerializedBodyNode } from '../../model/types.ts';
import { isLooseList } from '../../model/looseList.ts';
import {
  bodyNodeType,
  buttonOf,
  childrenOf,
  headingLevelOf,
  imageOf,
  isChecked,
  linkUrlOf,
  listOf,
  nestedListOf,
  textOf,
  unreachableNodeType,
} from '../shared/bodyNodes.ts';
import { codeBlockOf } from '../shared/codeBlock.ts';
import { exportHref } from '../shared/links.ts';
import { oneLine } from '../shared/text.ts';
import { roundupItemText } from './roundupText.ts';
import { codeBlockText } from './codeBlockText.ts';
import { tableText } from './tableText.ts';
import { blockListText } from './blockListText.ts';
import { calloutText, embedText, htmlCardTextBlocks } from './cardsText.ts';
import { columns, TEXT_WIDTH, wrap } from './wrap.ts';
import { quoteBlockText } from './quoteBlockText.ts';

/** A rendered block: its lines; blocks are joined by blank lines. */
export type TextBlock = string[];

/** Collects what the export left out, like the email exporter's warnings. */
export type Warn = (message: string) => void;

/**
 * One node as plain-text blocks (block nodes) or inline text (inline nodes, returned as
 * a single-line block for the caller to join). Exhaustive over `BodyNodeType`, like the
 * email exporter: a new node type does not compile until it has a case here.
 */
export function textBlocks(node: SerializedBodyNode, warn: Warn): TextBlock[] {
  const type = bodyNodeType(node);
  if (type === null) {
    warn(`unknown node type "${String(node.type).slice(0, 40)}", kept its text`);
    const inline = inlineText(childrenOf(node), warn);
    return inline.trim() === '' ? [] : [wrap(inline)];
  }
  switch (type) {
    case 'root':
      return childrenOf(node).flatMap((child) => textBlocks(child, warn));
    case 'paragraph': {
      const inline = inlineText(childrenOf(node), warn);
      return inline.trim() === '' ? [] : [wrap(inline)];
    }
    case 'heading': {
      const hashes = '#'.repeat(headingLevelOf(node));
      return [
        wrap(inlineText(childrenOf(node), warn), `${hashes} `, ' '.repeat(hashes.length + 1)),
      ];
    }
    case 'quote':
      return [wrap(inlineText(childrenOf(node), warn), '> ')];
    case 'list':
      return [listLines(node, '', warn)];
    case 'listitem':
      return [listLines({ type: 'list', version: 1, children: [node] }, '', warn)];
    case 'text':
    case 'link':
    case 'linebreak':
    case 'tab':
      return [wrap(inlineText([node], warn))];
    case 'horizontalrule':
      return [['-'.repeat(TEXT_WIDTH)]];
    case 'image': {
      const { alt, caption } = imageOf(node);
      const label = oneLine(alt) === '' ? '[Image]' : `[Image: ${oneLine(alt)}]`;
      return [[...wrap(label), ...(oneLine(caption) === '' ? [] : wrap(oneLine(caption)))]];
    }
    case 'button': {
      const { label, url } = buttonOf(node);
      const href = exportHref(url);
      if (href === null) {
        warn('left out a button without a usable URL');
        return [];
      }
      return [wrap(`${oneLine(label) || 'Link'}: ${href}`)];
    }
    case 'roundupitem':
      return [roundupItemText(node, warn, inlineText)];
    case 'code-block': {
      const lines = codeBlockText(codeBlockOf(node));
      return lines.length === 0 ? [] : [lines];
    }
    case 'table':
      return tableText(node, (inline) => inlineText(inline, warn));
    case 'tablerow':
    case 'tablecell':
      // Only reached outside a table (restoreBody never leaves one): keep the words.
      return childrenOf(node).flatMap((child) => textBlocks(child, warn));
    case 'callout':
      return calloutText(node, (child) => textBlocks(child, warn));
    case 'embed':
      return embedText(node);
    case 'htmlcard':
      return htmlCardTextBlocks(node);
    case 'quoteblock':
      return quoteBlockText(node, (child) => textBlocks(child, warn));
    case 'inlinehtml':
      // Markup, not words: plain text leaves the tag out (its words are outside it).
      return [];
    case 'blocklist':
      return blockListText(node, (child) => textBlocks(child, warn));
    case 'blocklistitem':
      // Only reached outside a block list (restoreBody never leaves one): give it one.
      return blockListText({ type: 'blocklist', version: 1, children: [node] }, (child) =>
        textBlocks(child, warn),
      );
    default:
      return unreachableNodeType(type);
  }
}

/** Inline content as one string: links as `words (url)`, line breaks as `\n`. */
export function inlineText(nodes: SerializedBodyNode[], warn: Warn): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += textOf(node);
        break;
      case 'linebreak':
        out += '\n';
        break;
      case 'tab':
        out += '\t';
        break;
      case 'link': {
        const words = inlineText(childrenOf(node), warn);
        const href = exportHref(linkUrlOf(node));
        if (href === null) warn('dropped a link with an unusable URL');
        out += href === null || words.trim() === '' ? words : linked(words, href);
        break;
      }
      default:
        // Blocks never sit inside inline content in a restored body; keep the words if they do.
        out += textBlocks(node, warn)
          .map((b) => b.join('\n'))
          .join('\n');
    }
  }
  return out;
}

// A link that shows its own URL (or address) is not repeated.
function linked(words: string, href: string): string {
  const bare = href.replace(/^mailto:/i, '');
  return words.trim() === href || words.trim() === bare ? href : `${words} (${href})`;
}

function listLines(node: SerializedBodyNode, indent: string, warn: Warn): string[] {
  const { listType, start } = listOf(node);
  const loose = isLooseList(node);
  const lines: string[] = [];
  let number = start;
  let markerWidth = 2;
  for (const item of childrenOf(node)) {
    const nested = nestedListOf(item);
    if (nested !== null) {
      lines.push(...listLines(nested, indent + ' '.repeat(markerWidth), warn));
      continue;
    }
    const marker =
      listType === 'number'
        ? `${number}. `
        : listType === 'check'
          ? `- [${isChecked(item) ? 'x' : ' '}] `
          : '- ';
    number += 1;
    markerWidth = columns(marker);
    const content = inlineText(item.type === 'listitem' ? childrenOf(item) : [item], warn);
    // A loose list's items are paragraphs: a blank line between them.
    if (loose && lines.length > 0) lines.push('');
    lines.push(...wrap(content, indent + marker, indent + ' '.repeat(markerWidth)));
  }
  return lines;
}
