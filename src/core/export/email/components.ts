import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ImageFields } from '../shared/bodyNodes.ts';
import { resolveImageSrc } from '../shared/assets.ts';
import { exportHref } from '../shared/links.ts';
import { oneLine } from '../shared/text.ts';
import { startSide, type EmailContext } from './context.ts';
import { box, row, table, text } from './hast.ts';
import { style } from './styles.ts';

/**
 * The email's block components, each a table because that is what Outlook lays out
 * faithfully: dividers are cell borders, buttons pad their cell (not the link), spacing
 * is cell padding (Outlook ignores margins on tables).
 */

/** A divider: a 1 px top border on an empty cell, with space below. */
export function divider(ctx: EmailContext): Element {
  return box({ style: 'padding:4px 0 20px' }, [
    box(
      {
        className: ['gx-rule'],
        style: style(
          `border-top:1px solid ${ctx.palette.light.rule}`,
          'font-size:1px',
          'line-height:1px',
        ),
      },
      [text('\u00a0')],
    ),
  ]);
}

/** A bulletproof button: the padding and colour sit on the cell, so Outlook draws it too. */
export function button(label: string, url: string, ctx: EmailContext): Element | null {
  const href = exportHref(url);
  if (href === null) {
    ctx.warn(`${ctx.where}: left out a button without a usable URL`);
    return null;
  }
  const { accent, onAccent } = ctx.palette;
  const cell = h(
    'td',
    {
      align: 'center',
      bgColor: accent,
      style: style(`background-color:${accent}`, 'border-radius:6px', 'padding:12px 24px'),
    },
    [
      h(
        'a',
        {
          href,
          style: style(
            `color:${onAccent}`,
            'font-size:16px',
            'font-weight:700',
            'line-height:20px',
            'text-decoration:none',
            'display:inline-block',
          ),
        },
        [text(oneLine(label) || href)],
      ),
    ],
  );
  return box({ align: startSide(ctx), style: 'padding:4px 0 20px' }, [table({}, [row(cell)])]);
}

// Alt text long enough to be prose is not alt text; it must also fit one mail line.
const MAX_ALT = 400;

/** An image at its width (capped to the column), centred, with its caption below. */
export function image(fields: ImageFields, ctx: EmailContext): Element {
  const src = resolveImageSrc(fields.src, ctx.profile, ctx.assetExtension);
  const alt = oneLine(fields.alt).slice(0, MAX_ALT);
  const caption = oneLine(fields.caption);
  const children: ElementContent[] = [];
  if (src === null) {
    // Rule 6 allows only https images; say what the image was rather than lose it.
    ctx.warn(`${ctx.where}: left out an image that has no https URL (${fields.src.slice(0, 80)})`);
    if (alt !== '') children.push(mutedParagraph(`[Image: ${alt}]`, ctx, '0'));
  } else {
    const width = Math.min(fields.width ?? ctx.width, ctx.width);
    children.push(
      h('img', {
        src,
        alt,
        width,
        className: ['gx-img', 'gx-muted'],
        style: style(
          'display:block',
          'margin:0 auto',
          'width:100%',
          `max-width:${width}px`,
          'height:auto',
          'border:0',
          'text-decoration:none',
          'font-size:14px',
          `color:${ctx.palette.light.muted}`,
        ),
      }),
    );
  }
  if (caption !== '') children.push(mutedParagraph(caption, ctx, '8px 0 0'));
  return box({ align: 'center', style: 'padding:4px 0 20px' }, children);
}

/** A block quote: a rule in the accent colour beside the text. */
export function quote(children: ElementContent[], ctx: EmailContext): Element {
  const side = startSide(ctx);
  return box({ style: 'padding:0 0 16px' }, [
    box(
      {
        className: ['gx-quote'],
        style: style(
          `border-${side}:4px solid ${ctx.palette.accent}`,
          `padding-${side}:16px`,
          `color:${ctx.palette.light.quote}`,
          'font-size:17px',
          'line-height:27px',
        ),
      },
      children,
    ),
  ]);
}

/** A choice of links stacked as bordered rows (poll options, feedback choices). */
export function choiceLinks(
  choices: Array<{ label: string; href: string }>,
  ctx: EmailContext,
): Element {
  const rows: Element[] = [];
  choices.forEach((choice, i) => {
    if (i > 0)
      rows.push(
        row(h('td', { style: 'height:8px;font-size:1px;line-height:1px' }, [text('\u00a0')])),
      );
    rows.push(
      row(
        h(
          'td',
          {
            className: ['gx-rule'],
            style: style(
              `border:1px solid ${ctx.palette.light.rule}`,
              'border-radius:6px',
              'padding:10px 14px',
            ),
          },
          [
            h(
              'a',
              {
                href: choice.href,
                className: ['gx-link'],
                style: style(
                  `color:${ctx.palette.light.link}`,
                  'font-weight:700',
                  'text-decoration:none',
                  'display:block',
                ),
              },
              [text(choice.label)],
            ),
          ],
        ),
      ),
    );
  });
  return box({ style: 'padding:4px 0 16px' }, [table({ width: '100%' }, rows)]);
}

/** A small paragraph in the muted colour (captions, labels, disclosures). */
export function mutedParagraph(value: string, ctx: EmailContext, margin = '0 0 12px'): Element {
  return h(
    'p',
    {
      className: ['gx-muted'],
      style: style(
        `margin:${margin}`,
        'font-size:14px',
        'line-height:20px',
        `color:${ctx.palette.light.muted}`,
      ),
    },
    [text(value)],
  );
}
