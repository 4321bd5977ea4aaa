/**
 * TEST-ONLY: the EMAIL_RULES.md checks about markup (rules 1-8 and 11-13): size, styles,
 * tables, width, images, links, forbidden elements, conditionals, dividers, colours.
 * Each returns its violations; empty means the rule holds.
 */
import {
  allCss,
  attr,
  byteLength,
  childElements,
  cssRules,
  declarations,
  describeElement as tag,
  type Element,
  type ParsedEmail,
} from './emailDom.testkit.ts';

const MERGE_TAG = /^(\{\{\s*[A-Za-z0-9_.]+\s*\}\}|\*\|[A-Z0-9_]+\|\*)$/;
const FORBIDDEN = [
  'script',
  'iframe',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'video',
  'audio',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'link',
  'base',
];
const URL_ATTRS = [
  'action',
  'formaction',
  'background',
  'poster',
  'srcset',
  'data',
  'codebase',
  'xlink:href',
  'lowsrc',
  'dynsrc',
  'ping',
];
const NAMED_COLORS = new Set(
  'black silver gray grey white maroon red purple fuchsia green lime olive yellow navy blue teal aqua orange aliceblue antiquewhite aquamarine azure beige bisque blanchedalmond blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkturquoise darkviolet deeppink deepskyblue dimgray dodgerblue firebrick floralwhite forestgreen gainsboro ghostwhite gold goldenrod greenyellow honeydew hotpink indianred indigo ivory khaki lavender lawngreen lemonchiffon lightblue lightcoral lightcyan lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightsteelblue lightyellow limegreen linen magenta mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise midnightblue mintcream mistyrose moccasin navajowhite oldlace olivedrab orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue rosybrown royalblue saddlebrown salmon sandybrown seagreen sienna skyblue slateblue slategray snow springgreen steelblue tan thistle tomato turquoise violet wheat whitesmoke yellowgreen rebeccapurple'.split(
    ' ',
  ),
);

/** Rule 1: under 102 KB of UTF-8. */
export function checkSize(e: ParsedEmail): string[] {
  const bytes = byteLength(e.html);
  return bytes < 102_000 ? [] : [`${bytes} bytes`];
}

/** Rule 2: all <style> under 16 KB, no nested at-rule. */
export function checkStyleBlocks(e: ParsedEmail): string[] {
  const out: string[] = [];
  const bytes = e.styles.reduce((n, s) => n + byteLength(s), 0);
  if (bytes >= 16_000) out.push(`style blocks total ${bytes} bytes`);
  for (const css of e.styles)
    for (const [prelude, body] of cssRules(css))
      if (cssRules(body).some(([inner]) => inner.startsWith('@')))
        out.push(`nested at-rule inside ${prelude}`);
  return out;
}

const RESET_SELECTOR =
  /^(a\[x-apple-data-detectors\]|\[data-ogs[cb]\] \.[\w-]+|#MessageViewBody a|u \+ #body a)$/;

/** Rule 3: head CSS is only media queries, dark-mode rules and resets; content is styled inline. */
export function checkInlineStyles(e: ParsedEmail): string[] {
  const out: string[] = [];
  for (const [prelude, body] of cssRules(e.headCss)) {
    if (prelude.startsWith('@media')) {
      for (const [, inner] of cssRules(body))
        for (const [prop, value] of declarations(inner))
          if (!/!important$/.test(value))
            out.push(`${prelude}: ${prop} without !important cannot beat inline styles`);
    } else if (!prelude.split(',').every((s) => RESET_SELECTOR.test(s.trim())))
      out.push(`head rule "${prelude}" styles content: inline it`);
  }
  for (const el of e.elements)
    if (
      ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'ul', 'ol', 'li', 'img'].includes(
        el.tagName,
      ) &&
      !attr(el, 'style')
    )
      out.push(`${tag(el)} has no inline style`);
  return out;
}

/** Rule 4: layout tables are presentational with zero spacing; no flex, grid or float. */
export function checkTables(e: ParsedEmail): string[] {
  const out: string[] = [];
  for (const el of e.elements.filter((x) => x.tagName === 'table')) {
    if (attr(el, 'role') !== 'presentation' && !isDataTable(el))
      out.push(`${tag(el)} without role=presentation`);
    for (const name of ['cellpadding', 'cellspacing', 'border'])
      if (attr(el, name) !== '0') out.push(`${tag(el)} ${name}=${attr(el, name)}`);
  }
  for (const css of allCss(e))
    if (/display\s*:\s*(inline-)?(flex|grid)|(^|[;{\s])float\s*:/i.test(css))
      out.push(`flex, grid or float: ${css.slice(0, 80)}`);
  for (const el of e.elements)
    if (
      ['table', 'img', 'div'].includes(el.tagName) &&
      /^(left|right)$/i.test(attr(el, 'align') ?? '')
    )
      out.push(`${tag(el)} align=${attr(el, 'align')} floats`);
  return out;
}

/**
 * A body table (gx-data) is data, not layout: it keeps its table role so a screen reader
 * can announce headers, and must then have a header row of `<th scope="col">` cells.
 */
function isDataTable(el: Element): boolean {
  if (!(attr(el, 'class') ?? '').split(/\s+/).includes('gx-data')) return false;
  const head = childElements(el).find((c) => c.tagName === 'thead');
  const cells = head ? childElements(head).flatMap(childElements) : [];
  return cells.length > 0 && cells.every((c) => c.tagName === 'th' && attr(c, 'scope') === 'col');
}

/** Rule 5: at most 600 px, with an Outlook-only 600 px table. */
export function checkWidth(e: ParsedEmail): string[] {
  const out: string[] = [];
  if (!e.elements.some((el) => /(^|;)\s*max-width\s*:\s*600px/.test(attr(el, 'style') ?? '')))
    out.push('no container with max-width:600px');
  if (!e.comments.some((c) => /^\[if mso\]>[\s\S]*<table[^>]*width="600"/.test(c)))
    out.push('no Outlook-only 600 px table');
  for (const el of e.elements) {
    const width = attr(el, 'width');
    if (width !== null && /^\d+$/.test(width) && Number(width) > 600)
      out.push(`${tag(el)} width=${width}`);
    for (const [prop, value] of declarations(attr(el, 'style') ?? ''))
      if (/^(min-)?width$/.test(prop) && /^(\d+)px$/.test(value) && Number.parseInt(value) > 600)
        out.push(`${tag(el)} ${prop}:${value}`);
  }
  return out;
}

/** Rule 6: images have alt, a numeric width and an absolute https src. */
export function checkImages(e: ParsedEmail): string[] {
  const out: string[] = [];
  for (const img of e.elements.filter((x) => x.tagName === 'img')) {
    const src = attr(img, 'src') ?? '';
    if (attr(img, 'alt') === null) out.push(`img without alt: ${src}`);
    if (!/^\d+$/.test(attr(img, 'width') ?? '') || Number(attr(img, 'width')) === 0)
      out.push(`img width="${attr(img, 'width')}": ${src}`);
    if (!isAbsolute(src, ['https:'])) out.push(`img src not absolute https: ${src}`);
  }
  return out;
}

function isAbsolute(url: string, protocols: string[]): boolean {
  try {
    const parsed = new URL(url);
    return (
      protocols.includes(parsed.protocol) &&
      (!/^https?:$/.test(parsed.protocol) || parsed.hostname !== '')
    );
  } catch {
    return false;
  }
}

/** Rule 7: every href is https, http, mailto, tel or a merge tag; no other URL attributes. */
export function checkHrefs(e: ParsedEmail): string[] {
  const out: string[] = [];
  for (const el of e.elements) {
    const href = attr(el, 'href');
    if (
      href !== null &&
      !MERGE_TAG.test(href.trim()) &&
      !isAbsolute(href, ['https:', 'http:', 'mailto:', 'tel:'])
    )
      out.push(`${tag(el)} href="${href.slice(0, 80)}"`);
    for (const name of URL_ATTRS) if (attr(el, name) !== null) out.push(`${tag(el)} has ${name}`);
    if (attr(el, 'src') !== null && el.tagName !== 'img') out.push(`${tag(el)} has src`);
  }
  return out;
}

/** Rule 8: no script, iframe, form, input, svg, video, object, embed, stylesheet link, @import (or handlers, url()). */
export function checkForbidden(e: ParsedEmail): string[] {
  const out: string[] = [];
  for (const el of e.elements) {
    if (FORBIDDEN.includes(el.tagName)) out.push(`<${el.tagName}>`);
    if (el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'refresh')
      out.push('meta refresh');
    for (const a of el.attrs) if (/^on/i.test(a.name)) out.push(`${tag(el)} ${a.name}=`);
  }
  for (const css of allCss(e))
    if (/@import|url\s*\(|expression\s*\(|javascript:|behavior\s*:/i.test(css))
      out.push(`css: ${css.slice(0, 80)}`);
  return out;
}

/** Rule 11: conditionals balanced (and only fixed Outlook markup); button padding on the cell. */
export function checkConditionalsAndButtons(e: ParsedEmail): string[] {
  const out: string[] = [];
  const opens = e.html.match(/<!--\[if /g)?.length ?? 0;
  const closes = e.html.match(/<!\[endif\]-->/g)?.length ?? 0;
  if (opens !== closes) out.push(`${opens} <!--[if but ${closes} <![endif]-->`);
  let balance = 0;
  for (const c of e.comments) {
    if (c.trim() === '') continue;
    if (!/^\[if (!)?mso( \| IE)?\]>[\s\S]*<!\[endif\]$/.test(c))
      out.push(`unexpected comment: ${c.slice(0, 60)}`);
    balance += (c.match(/<table\b/g)?.length ?? 0) - (c.match(/<\/table>/g)?.length ?? 0);
  }
  if (balance !== 0) out.push(`Outlook-only tables do not balance (${balance})`);
  for (const el of e.elements) {
    if (el.tagName === 'a' && /(^|;)\s*padding/.test(attr(el, 'style') ?? ''))
      out.push(`link with padding: ${attr(el, 'href')}`);
    const kids = childElements(el);
    if (
      el.tagName === 'td' &&
      attr(el, 'bgcolor') &&
      kids.length === 1 &&
      kids[0]!.tagName === 'a' &&
      !/padding/.test(attr(el, 'style') ?? '')
    )
      out.push('button cell without padding');
  }
  return out;
}

/** Rule 12: dividers are table borders, never <hr>. */
export function checkDividers(e: ParsedEmail): string[] {
  return e.elements.filter((el) => el.tagName === 'hr').map(() => '<hr>');
}

/** Rule 13: no &apos;; colours only six-digit hex. */
export function checkEntitiesAndColors(e: ParsedEmail): string[] {
  const out: string[] = [];
  if (e.html.includes('&apos;')) out.push('&apos; in the output');
  for (const css of allCss(e)) {
    for (const [prop, value] of declarations(css.replace(/[{}]/g, ';')).filter(([p]) =>
      /color|^background$|^border|^outline$/.test(p),
    )) {
      for (const hex of value.match(/#[0-9a-f]+\b/gi) ?? [])
        if (hex.length !== 7) out.push(`${prop}:${value}`);
      if (/\b(rgba?|hsla?)\s*\(/i.test(value)) out.push(`${prop}:${value}`);
      for (const word of value.toLowerCase().match(/[a-z]+/g) ?? [])
        if (NAMED_COLORS.has(word)) out.push(`named colour ${prop}:${value}`);
    }
  }
  for (const el of e.elements)
    for (const name of ['bgcolor', 'color'])
      if (attr(el, name) !== null && !/^#[0-9a-f]{6}$/i.test(attr(el, name)!))
        out.push(`${tag(el)} ${name}=${attr(el, name)}`);
  return out;
}
