import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Edition, Section } from '../../model/types.ts';
import { oneLine } from '../shared/text.ts';
import type { EmailContext } from './context.ts';
import { footer, masthead } from './frame.ts';
import { conditional, MSO_CLOSE_600, MSO_OPEN_600, row, table, text } from './hast.ts';
import { renderSection } from './sections.ts';
import { CARD_PADDING, EMAIL_WIDTH, FONT_STACK, headCss, MSO_HEAD, style } from './styles.ts';

// Zero-width and blank characters after the preheader fill the inbox preview, so it does
// not go on to show the first words of the body. Kept short enough for one mail line.
const PREHEADER_SPACER = '\u034f\u200c\u00a0'.repeat(60);

/**
 * Where the document gets a section's table row: built in place (the default), or a
 * placeholder for a row that renderEmail serializes on its own and may take from a cache.
 */
export type SectionRowOf = (section: Section, ctx: EmailContext) => ElementContent;

/** The whole email document as a hast tree: head, hidden preheader, framed content. */
export function emailDocument(
  edition: Edition,
  ctx: EmailContext,
  rowOf: SectionRowOf = (section, sectionCtx) => sectionRow(section, edition, sectionCtx),
): Root {
  const { profile, palette } = ctx;
  const light = palette.light;
  // <title> is raw text, where a long line cannot be broken: 200 characters is plenty.
  const titleText = [
    ...(oneLine(edition.subject) || oneLine(edition.title) || oneLine(profile.name)),
  ]
    .slice(0, 200)
    .join('');
  const head = h('head', [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'x-apple-disable-message-reformatting' }),
    h('meta', { name: 'format-detection', content: 'telephone=no, date=no, address=no, email=no' }),
    h('meta', { name: 'color-scheme', content: 'light dark' }),
    h('meta', { name: 'supported-color-schemes', content: 'light dark' }),
    h('title', [text(titleText)]),
    conditional(MSO_HEAD),
    h('style', [text(headCss(palette))]),
  ]);

  const rows: ElementContent[] = [
    row(card(masthead(edition, ctx), ctx, true, `32px ${CARD_PADDING}px 8px`)),
  ];
  for (const section of edition.sections) {
    const title = oneLine(section.title);
    const sectionCtx = {
      ...ctx,
      where: title ? `section "${title.slice(0, 60)}"` : `section ${section.id}`,
    };
    rows.push(rowOf(section, sectionCtx));
  }
  rows.push(
    row(
      h(
        'td',
        {
          className: ['gx-pad', 'gx-muted'],
          align: 'center',
          style: style(
            `padding:24px ${CARD_PADDING}px 32px`,
            `color:${light.muted}`,
            `font-family:${FONT_STACK}`,
            'font-size:13px',
            'line-height:20px',
            'text-align:center',
          ),
        },
        footer(ctx),
      ),
    ),
  );

  const body = h(
    'body',
    {
      className: ['gx-page'],
      style: style(
        'margin:0',
        'padding:0',
        'width:100%',
        `background-color:${light.page}`,
        '-webkit-text-size-adjust:100%',
        '-ms-text-size-adjust:100%',
      ),
    },
    [
      h(
        'div',
        {
          style: style(
            'display:none',
            'font-size:1px',
            'line-height:1px',
            'max-height:0',
            'max-width:0',
            'opacity:0',
            'overflow:hidden',
            'mso-hide:all',
            `color:${light.page}`,
          ),
        },
        [text(oneLine(edition.preheader)), text('\n'), text(PREHEADER_SPACER)],
      ),
      table(
        {
          width: '100%',
          bgColor: light.page,
          className: ['gx-page'],
          style: `background-color:${light.page}`,
        },
        [
          row(
            h('td', { align: 'center', style: 'padding:24px 8px' }, [
              conditional(MSO_OPEN_600),
              table(
                {
                  width: '100%',
                  align: 'center',
                  style: style(`max-width:${EMAIL_WIDTH}px`, 'margin:0 auto'),
                },
                rows,
              ),
              conditional(MSO_CLOSE_600),
            ]),
          ),
        ],
      ),
    ],
  );

  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        {
          lang: profile.lang,
          dir: profile.dir,
          'xmlns:v': 'urn:schemas-microsoft-com:vml',
          'xmlns:o': 'urn:schemas-microsoft-com:office:office',
        },
        [head, body],
      ),
    ],
  };
}

/** A section's row: its content in a card, ruled off from the one above. */
export function sectionRow(section: Section, edition: Edition, ctx: EmailContext): Element {
  return row(card(renderSection(section, edition, ctx), ctx, false));
}

function card(
  children: ElementContent[],
  ctx: EmailContext,
  first: boolean,
  extra?: string,
): Element {
  const light = ctx.palette.light;
  return h(
    'td',
    {
      className: first ? ['gx-card', 'gx-pad'] : ['gx-card', 'gx-pad', 'gx-rule'],
      bgColor: light.card,
      style: style(
        `padding:${extra ?? `28px ${CARD_PADDING}px 12px`}`,
        `background-color:${light.card}`,
        !first && `border-top:1px solid ${light.rule}`,
        `color:${light.text}`,
        `font-family:${FONT_STACK}`,
        'font-size:16px',
        'line-height:26px',
        'word-break:break-word',
      ),
    },
    children,
  );
}
