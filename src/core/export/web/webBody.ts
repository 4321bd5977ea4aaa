import type { Element, ElementContent } from 'hast';
import { isLooseList } from '../../model/looseList.ts';
import { h } from 'hastscript';
import type { SectionBody, SerializedBodyNode } from '../../model/types.ts';
import {
  alignOf,
  bodyNodeType,
  buttonOf,
  childrenOf,
  directionOf,
  formatOf,
  hasFormat,
  headingLevelOf,
  imageOf,
  isChecked,
  linkUrlOf,
  listOf,
  nestedListOf,
  TEXT_FORMAT,
  textOf,
  unreachableNodeType,
} from '../shared/bodyNodes.ts';
import { codeBlockOf } from '../shared/codeBlock.ts';
import { exportHref } from '../shared/links.ts';
import { blockListWeb } from './blockListWeb.ts';
import { codeBlockWeb } from './codeBlockWeb.ts';
import { oneLine } from '../shared/text.ts';
import { roundupItemWeb } from './roundupWeb.ts';
import { webCallout, webEmbed, webHtmlCard } from './webCards.ts';
import type { WebContext } from './webContext.ts';
import { webTable } from './webTable.ts';
import { webQuoteBlock } from './quoteBlockWeb.ts';

/**
 * A section body as web markup: the same model the email renders, written as plain
 * semantic HTML (paragraphs, headings, lists, quotes, figures) styled by the page's one
 * style sheet instead of inline styles and layout tables.
 */
export function webBody(body: SectionBody, ctx: WebContext): ElementContent[] {
  return webNodes(childrenOf(body.root), ctx);
}

function webNodes(nodes: SerializedBodyNode[], ctx: WebContext): ElementContent[] {
  return nodes.flatMap((node) => webNode(node, ctx));
}

// Exhaustive over BodyNodeType, like the email renderer: a new node type fails to compile here.
function webNode(node: SerializedBodyNode, ctx: WebContext): ElementContent[] {
  const type = bodyNodeType(node);
  if (type === null) {
    ctx.warn(`${ctx.where}: unknown node type "${String(node.type).slice(0, 40)}", kept its text`);
    return webNodes(childrenOf(node), ctx);
  }
  switch (type) {
    case 'root':
      return webNodes(childrenOf(node), ctx);
    case 'paragraph': {
      const content = webNodes(childrenOf(node), ctx);
      return content.length === 0 ? [] : [h('p', block(node, ctx), content)];
    }
    case 'heading':
      return [h(`h${headingLevelOf(node)}`, block(node, ctx), webNodes(childrenOf(node), ctx))];
    case 'quote':
      return [h('blockquote', block(node, ctx), [h('p', webNodes(childrenOf(node), ctx))])];
    case 'list':
      return [list(node, ctx)];
    case 'listitem':
      return [list({ type: 'list', version: 1, listType: 'bullet', children: [node] }, ctx)];
    case 'text':
      return [formatted(node)];
    case 'link': {
      const children = webNodes(childrenOf(node), ctx);
      const href = exportHref(linkUrlOf(node));
      if (href === null) {
        ctx.warn(`${ctx.where}: dropped a link with an unusable URL`);
        return children;
      }
      return [h('a', { href }, children)];
    }
    case 'linebreak':
      return [h('br')];
    case 'tab':
      return [{ type: 'text', value: '\u2003' }];
    case 'horizontalrule':
      return [h('hr')];
    case 'image':
      return [figure(node, ctx)];
    case 'button': {
      const { label, url } = buttonOf(node);
      const link = webButton(label, url, ctx);
      return link ? [h('p', [link])] : [];
    }
    case 'roundupitem':
      return [roundupItemWeb(node, ctx, webNodes)];
    case 'code-block':
      return codeBlockWeb(codeBlockOf(node));
    case 'table': {
      const table = webTable(node, (inline) => webNodes(inline, ctx));
      return table ? [table] : [];
    }
    case 'tablerow':
    case 'tablecell':
      // Only reached outside a table (restoreBody never leaves one): keep the words.
      return webNodes(childrenOf(node), ctx);
    case 'callout':
      return [webCallout(node, ctx, webNodes)];
    case 'embed':
      return [webEmbed(node, ctx)];
    case 'htmlcard':
      return [webHtmlCard(node)];
    case 'quoteblock':
      return [webQuoteBlock(node, ctx, webNodes)];
    case 'inlinehtml':
      // Kept for the Markdown only, as in the email: a lone tag would unbalance the page.
      return [];
    case 'blocklist':
      return [blockListWeb(node, ctx, webNodes)];
    case 'blocklistitem':
      // Only reached outside a block list (restoreBody never leaves one): give it one.
      return [blockListWeb({ type: 'blocklist', version: 1, children: [node] }, ctx, webNodes)];
    default:
      return unreachableNodeType(type);
  }
}

/** A call-to-action link styled as a button; null (with a warning) for an unusable URL. */
export function webButton(label: string, url: string, ctx: WebContext): Element | null {
  const href = exportHref(url);
  if (href === null) {
    ctx.warn(`${ctx.where}: left out a button without a usable URL`);
    return null;
  }
  return h('a', { href, className: ['button'] }, [{ type: 'text', value: oneLine(label) || href }]);
}

function formatted(node: SerializedBodyNode): ElementContent {
  const format = formatOf(node);
  let out: ElementContent = { type: 'text', value: textOf(node) };
  if (hasFormat(format, TEXT_FORMAT.code)) out = h('code', [out]);
  if (hasFormat(format, TEXT_FORMAT.strikethrough)) out = h('s', [out]);
  if (hasFormat(format, TEXT_FORMAT.underline)) out = h('u', [out]);
  if (hasFormat(format, TEXT_FORMAT.italic)) out = h('em', [out]);
  if (hasFormat(format, TEXT_FORMAT.bold)) out = h('strong', [out]);
  return out;
}

// A nested list belongs inside the item before it (Lexical wraps it in an item of its own).
function list(node: SerializedBodyNode, ctx: WebContext): Element {
  const { listType, start } = listOf(node);
  const loose = isLooseList(node);
  const items: Element[] = [];
  for (const item of childrenOf(node)) {
    const nested = nestedListOf(item);
    const previous = items[items.length - 1];
    if (nested !== null && previous !== undefined) {
      previous.children.push(list(nested, ctx));
      continue;
    }
    const content = nested !== null ? [list(nested, ctx)] : webNodes(childrenOf(item), ctx);
    if (listType === 'check')
      content.unshift({ type: 'text', value: isChecked(item) ? '\u2611 ' : '\u2610 ' });
    // A loose list's items are paragraphs, spaced as paragraphs are (as CommonMark renders).
    items.push(h('li', loose && nested === null ? [h('p', content)] : content));
  }
  if (listType === 'number') return h('ol', start === 1 ? {} : { start }, items);
  return h('ul', listType === 'check' ? { className: ['checklist'] } : {}, items);
}

function figure(node: SerializedBodyNode, ctx: WebContext): Element {
  const fields = imageOf(node);
  const alt = oneLine(fields.alt).slice(0, 400);
  const caption = oneLine(fields.caption);
  const src = ctx.imageSrc(fields.src);
  const children: ElementContent[] = [];
  if (src !== null) {
    const props: Record<string, string | number> = { src, alt, loading: 'lazy' };
    if (fields.width !== null) props.width = fields.width;
    children.push(h('img', props));
  } else {
    // Not a copy the site holds: the archive loads nothing from elsewhere, so link to it.
    const href = /^https?:/i.test(fields.src) ? exportHref(fields.src) : null;
    const label = `Image${alt ? `: ${alt}` : ''}`;
    if (href === null) ctx.warn(`${ctx.where}: left out an image the site has no copy of`);
    children.push(h('p', { className: ['muted'] }, [href ? h('a', { href }, [label]) : label]));
  }
  if (caption !== '') children.push(h('figcaption', [caption]));
  return h('figure', children);
}

function block(node: SerializedBodyNode, ctx: WebContext) {
  const align = alignOf(node, ctx.profile.dir);
  return { dir: directionOf(node) ?? undefined, style: align ? `text-align:${align}` : undefined };
}
