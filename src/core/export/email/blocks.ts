import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SectionBody, SerializedBodyNode } from '../../model/types.ts';
import {
  alignOf,
  bodyNodeType,
  buttonOf,
  childrenOf,
  directionOf,
  headingLevelOf,
  imageOf,
  indentOf,
  linkUrlOf,
  unreachableNodeType,
} from '../shared/bodyNodes.ts';
import { codeBlockOf } from '../shared/codeBlock.ts';
import { blockListEmail } from './blockListEmail.ts';
import { codeBlockEmail } from './codeBlockEmail.ts';
import { startSide, type EmailContext } from './context.ts';
import { calloutEmail, embedEmail, htmlCardEmail } from './cardsEmail.ts';
import { button, divider, image, quote } from './components.ts';
import { text } from './hast.ts';
import { emailHeadingSize } from './headingEmail.ts';
import { formattedText, link } from './inline.ts';
import { list } from './lists.ts';
import { roundupItemRow } from './roundupEmail.ts';
import { style } from './styles.ts';
import { emailTable } from './tableEmail.ts';
import { quoteBlockEmail } from './quoteBlockEmail.ts';

/** A section body as email content: blocks in reading order. */
export function renderBody(body: SectionBody, ctx: EmailContext): ElementContent[] {
  return renderNode(body.root, ctx);
}

/** Renders nodes in order, concatenated. */
export function renderNodes(nodes: SerializedBodyNode[], ctx: EmailContext): ElementContent[] {
  return nodes.flatMap((node) => renderNode(node, ctx));
}

/**
 * One node of any type. The switch is exhaustive over `BodyNodeType`: a node type added
 * to the editor does not compile until it has a case here. A type the model does not
 * know (an edition that skipped `restoreEdition`) keeps its words and warns.
 */
export function renderNode(node: SerializedBodyNode, ctx: EmailContext): ElementContent[] {
  const type = bodyNodeType(node);
  if (type === null) {
    ctx.warn(`${ctx.where}: unknown node type "${String(node.type).slice(0, 40)}", kept its text`);
    return renderNodes(childrenOf(node), ctx);
  }
  switch (type) {
    case 'root':
      return renderNodes(childrenOf(node), ctx);
    case 'paragraph': {
      const content = renderNodes(childrenOf(node), ctx);
      if (content.length === 0) return [];
      return [h('p', blockProperties(node, ctx, 'margin:0 0 16px'), content)];
    }
    case 'heading': {
      const level = headingLevelOf(node);
      const size = emailHeadingSize(level);
      return [
        h(
          `h${level}`,
          { ...blockProperties(node, ctx, headingStyle(size, ctx)), className: ['gx-text'] },
          renderNodes(childrenOf(node), ctx),
        ),
      ];
    }
    case 'quote':
      return [quote(renderNodes(childrenOf(node), ctx), ctx)];
    case 'list':
      return [list(node, ctx, renderNodes)];
    case 'listitem':
      // Only reached outside a list (the list renders its own items): give it one.
      return [
        list({ type: 'list', version: 1, listType: 'bullet', children: [node] }, ctx, renderNodes),
      ];
    case 'text':
      return [formattedText(node, ctx)];
    case 'link':
      return link(linkUrlOf(node), renderNodes(childrenOf(node), ctx), ctx);
    case 'linebreak':
      return [h('br')];
    case 'tab':
      // HTML collapses a tab to a space; an em space keeps the gap the writer meant.
      return [text('\u2003')];
    case 'horizontalrule':
      return [divider(ctx)];
    case 'image':
      return [image(imageOf(node), ctx)];
    case 'button': {
      const { label, url } = buttonOf(node);
      const cell = button(label, url, ctx);
      return cell ? [cell] : [];
    }
    case 'roundupitem':
      return [roundupItemRow(node, ctx, renderNodes)];
    case 'code-block':
      return codeBlockEmail(codeBlockOf(node), ctx);
    case 'table': {
      const table = emailTable(node, ctx, renderNodes);
      return table ? [table] : [];
    }
    case 'tablerow':
    case 'tablecell':
      // Only reached outside a table (restoreBody never leaves one): keep the words.
      return renderNodes(childrenOf(node), ctx);
    case 'callout':
      return [calloutEmail(node, ctx, renderNodes)];
    case 'embed':
      return [embedEmail(node, ctx)];
    case 'htmlcard':
      return [htmlCardEmail(node)];
    case 'quoteblock':
      return [quoteBlockEmail(node, ctx, renderNodes)];
    case 'inlinehtml':
      // Kept for the Markdown only: a lone tag cannot be placed safely in the email's
      // table layout (its words are outside it and stay); preflight says so.
      return [];
    case 'blocklist':
      return [blockListEmail(node, ctx, renderNodes)];
    case 'blocklistitem':
      // Only reached outside a block list (restoreBody never leaves one): give it one.
      return [
        blockListEmail({ type: 'blocklist', version: 1, children: [node] }, ctx, renderNodes),
      ];
    default:
      return unreachableNodeType(type);
  }
}

/** Outlook gives headings its own colours unless the heading sets one. */
export function headingStyle(size: string, ctx: EmailContext): string {
  return `${size};font-weight:700;color:${ctx.palette.light.text}`;
}

function blockProperties(node: SerializedBodyNode, ctx: EmailContext, base: string) {
  const align = alignOf(node, ctx.profile.dir);
  const indent = indentOf(node);
  return {
    dir: directionOf(node) ?? undefined,
    style: style(
      base,
      align && `text-align:${align}`,
      indent > 0 && `padding-${startSide(ctx)}:${indent * 24}px`,
    ),
  };
}
