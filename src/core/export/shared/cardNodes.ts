import type { Element, Root, RootContent } from 'hast';
import { restoreCalloutFields, type CalloutFields } from '../../model/callout.ts';
import { cardHtmlToKeep } from '../../model/cardHtml.ts';
import { restoreEmbedFields, type EmbedFields } from '../../model/embed.ts';
import { sanitizeCardHtml, sanitizeCardTree } from '../../model/sanitizeCardHtml.ts';
import type { SerializedBodyNode } from '../../model/types.ts';

/**
 * Typed reads of the card nodes for every exporter and preflight, like bodyNodes.ts. Each
 * read checks again what restoreBody checked (defence in depth: an edition that skipped
 * restoreEdition still exports nothing unsafe).
 */

/** A callout's emoji and title. */
export function calloutOf(node: SerializedBodyNode): CalloutFields {
  return restoreCalloutFields(node);
}

/** An embed's fields, URLs checked. */
export function embedOf(node: SerializedBodyNode): EmbedFields {
  return restoreEmbedFields(node);
}

/**
 * An HTML card's HTML in its email form, sanitized again. Every export but Galley Markdown
 * reads a card through this (or htmlCardTree): the card may keep its inert source as
 * written (class, id, comments, relative links, custom tags), and the inbox gets none of it.
 */
export function htmlCardOf(node: SerializedBodyNode): string {
  return sanitizeCardHtml(node.html);
}

/**
 * An HTML card's kept HTML, checked again (cardHtmlToKeep): its source when inert. Only for
 * Galley Markdown, which gives the draft back as written.
 */
export function htmlCardSourceOf(node: SerializedBodyNode): string {
  return cardHtmlToKeep(node.html);
}

/** An HTML card as a sanitized hast fragment (for the HTML exporters and preflight). */
export function htmlCardTree(node: SerializedBodyNode): Root {
  return sanitizeCardTree(htmlCardOf(node));
}

/** The block elements after which card text starts a new line. */
const BLOCKS = new Set([
  'p',
  'div',
  'table',
  'tr',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'center',
  'hr',
]);

/**
 * The text a reader sees in a card, with each link's URL after its words (rule 14: the
 * plain-text part holds every link), one line per block.
 */
export function htmlCardText(tree: Root): string {
  let out = '';
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'text') out += node.value.replace(/\s+/g, ' ');
    else if (node.type === 'element') {
      if (node.tagName === 'br') out += '\n';
      else if (node.tagName === 'img') out += altOf(node);
      else {
        const before = out.length;
        node.children.forEach(walk);
        if (node.tagName === 'a' && typeof node.properties.href === 'string') {
          const words = out.slice(before).trim();
          if (words !== node.properties.href) out += ` (${node.properties.href})`;
        }
        if (node.tagName === 'td' || node.tagName === 'th') out += ' ';
      }
      if (BLOCKS.has(node.tagName)) out += '\n';
    } else if (node.type === 'root') node.children.forEach(walk);
  };
  walk(tree);
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function altOf(element: Element): string {
  return typeof element.properties.alt === 'string' ? element.properties.alt : '';
}
