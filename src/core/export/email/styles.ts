import { CODE_MSO_CSS, codeDarkRules, codeOutlookDarkRules } from './codeBlockStyles.ts';
import type { Palette } from './palette.ts';

/**
 * The one <style> block: media queries, dark-mode rules and resets only. Everything
 * else is inline on the elements (Gmail and Outlook.com drop or ignore head styles in
 * many cases); these rules only adjust what the inline styles already lay out.
 * Selectors use classes that name a role (`gx-card`, `gx-muted`...), set by the builder.
 */

export const FONT_STACK =
  '-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
export const MONO_STACK = 'ui-monospace,SFMono-Regular,Menlo,Consolas,monospace';

/** Total width of the email and of its text column inside the card's padding. */
export const EMAIL_WIDTH = 600;
export const CARD_PADDING = 32;
export const CONTENT_WIDTH = EMAIL_WIDTH - 2 * CARD_PADDING;

/** A style attribute from property/value pairs, in order; falsy entries are skipped. */
export function style(...declarations: Array<string | false | null | undefined>): string {
  return declarations.filter((d): d is string => typeof d === 'string' && d !== '').join(';');
}

/** The contents of the head <style>: one rule per line, no nested at-rules. */
export function headCss(palette: Palette): string {
  const d = palette.dark;
  const important = (decls: string): string =>
    decls
      .split(';')
      .map((decl) => `${decl} !important`)
      .join(';');
  const dark: Array<[string, string]> = [
    ['.gx-page', `background-color:${d.page}`],
    ['.gx-card', `background-color:${d.card};color:${d.text}`],
    ['.gx-text', `color:${d.text}`],
    ['.gx-muted', `color:${d.muted}`],
    ['.gx-link', `color:${d.link}`],
    ['.gx-rule', `border-color:${d.rule}`],
    ['.gx-code', `background-color:${d.code};color:${d.text}`],
    ['.gx-box', `background-color:${d.box};border-color:${d.rule}`],
    ['.gx-quote', `color:${d.quote}`],
    // A logo without a dark variant sits on a light plate so dark ink does not vanish.
    ['.gx-logo', 'background-color:#ffffff;padding:6px;border-radius:4px'],
    ['.gx-logo-light', 'display:none'],
    ['.gx-logo-dark', 'display:block;max-height:none;overflow:visible'],
    ...codeDarkRules(),
  ];
  return [
    // Reset: iOS turns dates and addresses into blue links; keep our colours.
    'a[x-apple-data-detectors]{color:inherit !important;text-decoration:none !important;font-size:inherit !important;font-family:inherit !important;font-weight:inherit !important;line-height:inherit !important}',
    '@media screen and (max-width:620px){',
    '.gx-pad{padding-left:20px !important;padding-right:20px !important}',
    '.gx-h1{font-size:26px !important;line-height:32px !important}',
    // Table cells give up padding and a point of size before a word has to break.
    '.gx-cell{padding:6px 5px !important;font-size:13px !important;line-height:18px !important}',
    '}',
    '@media (prefers-color-scheme:dark){',
    ...dark.map(([selector, decls]) => `${selector}{${important(decls)}}`),
    '}',
    // Outlook.com's dark mode marks what it recolours with these attributes.
    `[data-ogsc] .gx-text{color:${d.text} !important}`,
    `[data-ogsc] .gx-muted{color:${d.muted} !important}`,
    `[data-ogsc] .gx-link{color:${d.link} !important}`,
    `[data-ogsc] .gx-quote{color:${d.quote} !important}`,
    `[data-ogsb] .gx-code{background-color:${d.code} !important}`,
    ...codeOutlookDarkRules(),
  ].join('\n');
}

/** Outlook-only head styles, inside `<!--[if mso]>`: a fixed string, never user text. */
export const MSO_HEAD =
  '[if mso]><noscript><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript>\n' +
  '<style>table,td{mso-table-lspace:0pt;mso-table-rspace:0pt}img{-ms-interpolation-mode:bicubic}body,table,td,p,a,li,h1,h2,h3,h4,h5,h6{font-family:Arial,Helvetica,sans-serif !important}' +
  CODE_MSO_CSS +
  '</style><![endif]';
