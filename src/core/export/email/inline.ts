import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SerializedBodyNode } from '../../model/types.ts';
import { formatOf, hasFormat, TEXT_FORMAT, textOf } from '../shared/bodyNodes.ts';
import { exportHref } from '../shared/links.ts';
import type { EmailContext } from './context.ts';
import { MONO_STACK, style } from './styles.ts';
import { text } from './hast.ts';

/**
 * Inline content: formatted text runs and links. Formats nest with code innermost so
 * its background hugs the letters; each element carries its own inline style.
 */

/** A text run with its formats as nested elements. */
export function formattedText(node: SerializedBodyNode, ctx: EmailContext): ElementContent {
  const format = formatOf(node);
  let out: ElementContent = text(textOf(node));
  if (hasFormat(format, TEXT_FORMAT.code)) {
    out = h(
      'code',
      {
        className: ['gx-code'],
        style: style(
          `font-family:${MONO_STACK}`,
          'font-size:0.9em',
          `background-color:${ctx.palette.light.code}`,
          'padding:1px 4px',
          'border-radius:3px',
        ),
      },
      [out],
    );
  }
  // Semantic elements render the same in every client; no inline style needed.
  if (hasFormat(format, TEXT_FORMAT.strikethrough)) out = h('s', [out]);
  if (hasFormat(format, TEXT_FORMAT.underline)) out = h('u', [out]);
  if (hasFormat(format, TEXT_FORMAT.italic)) out = h('em', [out]);
  if (hasFormat(format, TEXT_FORMAT.bold)) out = h('strong', [out]);
  return out;
}

/**
 * A link around already rendered content; a URL that fails the allowlist (or is too long
 * to fit a mail line) keeps the words and loses the link.
 */
export function link(url: string, children: ElementContent[], ctx: EmailContext): ElementContent[] {
  if (children.length === 0) return [];
  const href = exportHref(url);
  if (href === null) {
    ctx.warn(`${ctx.where}: dropped a link with an unusable URL`);
    return children;
  }
  return [
    h(
      'a',
      {
        href,
        className: ['gx-link'],
        style: style(`color:${ctx.palette.light.link}`, 'text-decoration:underline'),
      },
      children,
    ),
  ];
}
