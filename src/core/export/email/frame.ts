import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Edition } from '../../model/types.ts';
import { resolveImageSrc } from '../shared/assets.ts';
import { editionPageUrl } from '../shared/archivePaths.ts';
import { editionLine } from '../shared/masthead.ts';
import { DEFAULT_LOGO_WIDTH, DEFAULT_UNSUBSCRIBE_URL } from '../shared/profile.ts';
import { linesOf, oneLine } from '../shared/text.ts';
import { exportHref } from '../shared/links.ts';
import { headingStyle } from './blocks.ts';
import { mutedParagraph } from './components.ts';
import type { EmailContext } from './context.ts';
import { text } from './hast.ts';
import { style } from './styles.ts';

/** The masthead's content: logo (or the publication's name), edition line, edition title. */
export function masthead(edition: Edition, ctx: EmailContext): ElementContent[] {
  const { profile } = ctx;
  const out: ElementContent[] = [];
  // With a public base URL the web archive has this edition's page (see writeSite).
  const page = editionPageUrl(edition, profile);
  const pageHref = page === null ? null : exportHref(page);
  if (pageHref !== null)
    out.push(
      h('p', { align: 'right', style: 'margin:0 0 12px;font-size:12px;line-height:16px' }, [
        h(
          'a',
          {
            href: pageHref,
            className: ['gx-muted'],
            style: style(`color:${ctx.palette.light.muted}`, 'text-decoration:underline'),
          },
          [text('View in browser')],
        ),
      ]),
    );
  const light = profile.logoUrl
    ? resolveImageSrc(profile.logoUrl, profile, ctx.assetExtension)
    : null;
  const dark = profile.logoDarkUrl
    ? resolveImageSrc(profile.logoDarkUrl, profile, ctx.assetExtension)
    : null;
  const name = oneLine(profile.name);
  if (light !== null) {
    const width = Math.min(profile.logoWidth ?? DEFAULT_LOGO_WIDTH, ctx.width);
    const logo = (src: string, className: string, hidden: boolean): Element =>
      h('img', {
        src,
        alt: name,
        width,
        // The dark variant's alt text (images blocked) must read light on the dark card;
        // the plated logo's stays dark on its white plate.
        className: className === 'gx-logo-dark' ? [className, 'gx-text'] : [className],
        style: style(
          hidden ? 'display:none;max-height:0;overflow:hidden;mso-hide:all' : 'display:block',
          `width:${width}px`,
          'max-width:100%',
          'height:auto',
          'border:0',
          'font-size:20px',
          'font-weight:700',
          `color:${ctx.palette.light.text}`,
        ),
      });
    out.push(logo(light, dark !== null ? 'gx-logo-light' : 'gx-logo', false));
    // The dark variant stays hidden where dark-mode rules are not supported (Gmail, Outlook).
    if (dark !== null) out.push(logo(dark, 'gx-logo-dark', true));
  } else if (name !== '') {
    out.push(
      h('p', { style: 'margin:0;font-size:20px;line-height:26px;font-weight:700' }, [text(name)]),
    );
  }
  const line = editionLine(edition, profile.lang);
  if (line !== '') out.push(mutedParagraph(line, ctx, '12px 0 0'));
  const title = oneLine(edition.title);
  if (title !== '') {
    const size = 'margin:16px 0 0;font-size:30px;line-height:36px';
    out.push(
      h('h1', { className: ['gx-h1', 'gx-text'], style: headingStyle(size, ctx) }, [text(title)]),
    );
  }
  return out;
}

/** The footer's content: footer text, postal address, unsubscribe link. */
export function footer(ctx: EmailContext): ElementContent[] {
  const { profile } = ctx;
  const out: ElementContent[] = [];
  const lines = (value: string): ElementContent[] =>
    linesOf(value).flatMap((line, i) => (i === 0 ? [text(line)] : [h('br'), text(line)]));
  const paragraph = (children: ElementContent[]): Element =>
    h('p', { style: 'margin:0 0 12px' }, children);
  if (linesOf(profile.footerText).length > 0) out.push(paragraph(lines(profile.footerText)));
  if (linesOf(profile.postalAddress).length > 0) out.push(paragraph(lines(profile.postalAddress)));
  const href = exportHref(profile.unsubscribeUrl) ?? DEFAULT_UNSUBSCRIBE_URL;
  out.push(
    paragraph([
      h(
        'a',
        {
          href,
          className: ['gx-muted'],
          style: style(`color:${ctx.palette.light.muted}`, 'text-decoration:underline'),
        },
        [text('Unsubscribe')],
      ),
    ]),
  );
  return out;
}
