import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { embedKind, PROVIDER_NAMES, type EmbedFields } from '../../model/embed.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { resolveImageSrc } from '../shared/assets.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { calloutOf, embedOf, htmlCardTree } from '../shared/cardNodes.ts';
import { exportHref } from '../shared/links.ts';
import { linesOf, oneLine } from '../shared/text.ts';
import type { EmailContext } from './context.ts';
import { box, text } from './hast.ts';
import { style } from './styles.ts';

/**
 * The card nodes in email: a callout is a bordered, tinted table cell; an embed a static
 * card (a linked thumbnail with a text play mark, a quoted post, a link card); an HTML
 * card its own sanitized markup inside the column. Nothing in any of them runs: no
 * script, no iframe, no CSS trick that clients drop (the play mark is a text glyph).
 */

type RenderNodes = (nodes: SerializedBodyNode[], ctx: EmailContext) => ElementContent[];

const CARD_PADDING = 16;

/** A callout: emoji and title as a bold first line, then its blocks, in a bordered box. */
export function calloutEmail(
  node: SerializedBodyNode,
  ctx: EmailContext,
  renderNodes: RenderNodes,
): Element {
  const { emoji, title } = calloutOf(node);
  const heading = [emoji, title].filter((s) => s !== '').join(' ');
  const inner = { ...ctx, width: ctx.width - 2 * CARD_PADDING - 2 };
  const content: ElementContent[] = [];
  if (heading !== '')
    content.push(
      h(
        'p',
        {
          className: ['gx-text'],
          style: style(
            'margin:0 0 8px',
            'font-size:17px',
            'line-height:24px',
            'font-weight:700',
            `color:${ctx.palette.light.text}`,
          ),
        },
        [text(heading)],
      ),
    );
  content.push(...renderNodes(childrenOf(node), inner));
  return cardBox(ctx, content, 'gx-callout');
}

/** An embed as a static card; its kind decides the layout. */
export function embedEmail(node: SerializedBodyNode, ctx: EmailContext): Element {
  const fields = embedOf(node);
  const href = fields.url === '' ? null : exportHref(fields.url);
  if (href === null) ctx.warn(`${ctx.where}: an embed has no usable link; it shows without one`);
  switch (embedKind(fields.provider)) {
    case 'video':
      return videoCard(fields, href, ctx);
    case 'post':
      return postCard(fields, href, ctx);
    default:
      return linkCard(fields, href, ctx);
  }
}

/** An HTML card: its sanitized markup, as is, in a cell of the column. */
export function htmlCardEmail(node: SerializedBodyNode): Element {
  const tree = htmlCardTree(node);
  return box({ style: 'padding:4px 0 20px' }, tree.children as ElementContent[]);
}

function videoCard(fields: EmbedFields, href: string | null, ctx: EmailContext): Element {
  const src = resolveImageSrc(fields.image, ctx.profile, ctx.assetExtension);
  const provider = PROVIDER_NAMES[fields.provider];
  const title = oneLine(fields.title);
  const children: ElementContent[] = [];
  if (src !== null) {
    const img = h('img', {
      src,
      alt: oneLine(fields.alt).slice(0, 400),
      width: ctx.width,
      className: ['gx-img'],
      style: style(
        'display:block',
        'width:100%',
        `max-width:${ctx.width}px`,
        'height:auto',
        'border:0',
        'font-size:14px',
        `color:${ctx.palette.light.muted}`,
      ),
    });
    children.push(href ? h('a', { href, style: 'text-decoration:none' }, [img]) : img);
  } else if (fields.image !== '') {
    ctx.warn(`${ctx.where}: left out a video thumbnail that has no https URL`);
  }
  // The play mark is a text glyph: it survives image blocking and needs no CSS overlay.
  const label = `\u25b6\ufe0e Watch on ${provider}${title ? `: ${title}` : ''}`;
  children.push(
    h(
      'p',
      {
        style: style('margin:8px 0 0', 'font-size:15px', 'line-height:22px', 'font-weight:700'),
      },
      [linkOrText(label, href, ctx)],
    ),
  );
  return box({ style: 'padding:4px 0 20px' }, children);
}

function postCard(fields: EmbedFields, href: string | null, ctx: EmailContext): Element {
  const provider = PROVIDER_NAMES[fields.provider];
  const byline = [oneLine(fields.author), oneLine(fields.handle)].filter((s) => s !== '');
  const content: ElementContent[] = [];
  if (byline.length > 0)
    content.push(
      h('p', { className: ['gx-text'], style: textStyle(ctx, '0 0 8px', 'font-weight:700') }, [
        text(byline.join(' \u00b7 ')),
      ]),
    );
  const lines = linesOf(fields.text);
  if (lines.length > 0)
    content.push(
      h(
        'p',
        { className: ['gx-text'], style: textStyle(ctx, '0 0 8px') },
        lines.flatMap((line, i) => (i === 0 ? [text(line)] : [h('br'), text(line)])),
      ),
    );
  content.push(
    h('p', { className: ['gx-muted'], style: mutedStyle(ctx) }, [
      linkOrText(`View on ${provider} \u2192`, href, ctx),
    ]),
  );
  return cardBox(ctx, content, 'gx-post');
}

function linkCard(fields: EmbedFields, href: string | null, ctx: EmailContext): Element {
  const src = resolveImageSrc(fields.image, ctx.profile, ctx.assetExtension);
  const inner = ctx.width - 2 * CARD_PADDING - 2;
  const content: ElementContent[] = [];
  if (src !== null)
    content.push(
      h('img', {
        src,
        alt: oneLine(fields.alt).slice(0, 400),
        width: inner,
        style: style(
          'display:block',
          'width:100%',
          `max-width:${inner}px`,
          'height:auto',
          'border:0',
          'margin:0 0 12px',
        ),
      }),
    );
  const title = oneLine(fields.title) || (href ?? '');
  if (title !== '')
    content.push(
      h('p', { style: style('margin:0 0 6px', 'font-size:17px', 'line-height:24px') }, [
        h('strong', [linkOrText(title, href, ctx)]),
      ]),
    );
  const description = oneLine(fields.text);
  if (description !== '')
    content.push(
      h('p', { className: ['gx-text'], style: textStyle(ctx, '0 0 6px') }, [text(description)]),
    );
  if (href !== null && /^https?:/i.test(href))
    content.push(
      h('p', { className: ['gx-muted'], style: mutedStyle(ctx) }, [text(new URL(href).hostname)]),
    );
  return cardBox(ctx, content, 'gx-linkcard');
}

function cardBox(ctx: EmailContext, content: ElementContent[], role: string): Element {
  const { light } = ctx.palette;
  return box({ style: 'padding:4px 0 20px' }, [
    box(
      {
        className: ['gx-box', role, 'gx-text'],
        bgColor: light.box,
        style: style(
          `background-color:${light.box}`,
          `border:1px solid ${light.rule}`,
          'border-radius:8px',
          `padding:${CARD_PADDING}px ${CARD_PADDING + 4}px`,
          `color:${light.text}`,
        ),
      },
      content,
    ),
  ]);
}

function linkOrText(label: string, href: string | null, ctx: EmailContext): ElementContent {
  if (href === null) return text(label);
  return h(
    'a',
    {
      href,
      className: ['gx-link'],
      style: style(`color:${ctx.palette.light.link}`, 'text-decoration:underline'),
    },
    [text(label)],
  );
}

function textStyle(ctx: EmailContext, margin: string, extra?: string): string {
  return style(
    `margin:${margin}`,
    'font-size:16px',
    'line-height:24px',
    `color:${ctx.palette.light.text}`,
    extra,
  );
}

function mutedStyle(ctx: EmailContext): string {
  return style(
    'margin:0',
    'font-size:14px',
    'line-height:20px',
    `color:${ctx.palette.light.muted}`,
  );
}
