import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { embedKind, PROVIDER_NAMES } from '../../model/embed.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { calloutOf, embedOf, htmlCardTree } from '../shared/cardNodes.ts';
import { exportHref } from '../shared/links.ts';
import { linesOf, oneLine } from '../shared/text.ts';
import type { WebContext } from './webContext.ts';

/** The card nodes on the web archive page: plain semantic HTML, nothing that runs. */

type WebNodes = (nodes: SerializedBodyNode[], ctx: WebContext) => ElementContent[];

/** A callout: an aside with its emoji and title, then its blocks. */
export function webCallout(node: SerializedBodyNode, ctx: WebContext, nodes: WebNodes): Element {
  const { emoji, title } = calloutOf(node);
  const heading = [emoji, title].filter((s) => s !== '').join(' ');
  return h('aside', { className: ['callout'] }, [
    ...(heading === '' ? [] : [h('p', [h('strong', [heading])])]),
    ...nodes(childrenOf(node), ctx),
  ]);
}

/** An embed: a static card with its link; a video's thumbnail only when the site holds it. */
export function webEmbed(node: SerializedBodyNode, ctx: WebContext): Element {
  const f = embedOf(node);
  const href = f.url === '' ? null : exportHref(f.url);
  const provider = PROVIDER_NAMES[f.provider];
  const link = (label: string): ElementContent =>
    href ? h('a', { href }, [label]) : { type: 'text', value: label };
  const children: ElementContent[] = [];
  const src = f.image === '' ? null : ctx.imageSrc(f.image);
  if (src !== null) children.push(h('img', { src, alt: oneLine(f.alt), loading: 'lazy' }));
  switch (embedKind(f.provider)) {
    case 'video':
      children.push(h('p', [link(`\u25b6 Watch on ${provider}${f.title ? `: ${f.title}` : ''}`)]));
      break;
    case 'post': {
      const by = [f.author, f.handle].filter((s) => s !== '').join(' ');
      if (by !== '') children.push(h('p', [h('strong', [by])]));
      children.push(
        h(
          'blockquote',
          linesOf(f.text).map((line) => h('p', [line])),
        ),
      );
      children.push(h('p', [link(`View on ${provider}`)]));
      break;
    }
    default:
      children.push(h('p', [h('strong', [link(oneLine(f.title) || href || 'Link')])]));
      if (f.text !== '') children.push(h('p', [oneLine(f.text)]));
  }
  return h('figure', { className: ['embed'] }, children);
}

/**
 * An HTML card: its sanitized markup. The archive loads nothing from elsewhere, so the
 * card's remote images become their alt text.
 */
export function webHtmlCard(node: SerializedBodyNode): Element {
  const tree = htmlCardTree(node);
  const strip = (parent: { children: unknown[] }) => {
    parent.children = parent.children.map((child) => {
      const el = child as Element;
      if (el.type !== 'element') return child;
      if (el.tagName === 'img')
        return {
          type: 'text',
          value: typeof el.properties.alt === 'string' ? el.properties.alt : '',
        };
      strip(el);
      return el;
    });
  };
  strip(tree);
  return h('div', { className: ['html-card'] }, tree.children as ElementContent[]);
}
