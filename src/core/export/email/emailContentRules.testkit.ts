/**
 * TEST-ONLY: the EMAIL_RULES.md checks about the document and its content (rules 9, 10
 * and 14-17): head, preheader, plain-text part, line length, sponsors, dark mode.
 * Each returns its violations; empty means the rule holds.
 */
import {
  attr,
  byteLength,
  childElements,
  classes,
  contrastRatio,
  cssRules,
  declarations,
  textContent,
  visibleText,
  words,
  type ParsedEmail,
} from './emailDom.testkit.ts';

const SPACERS = /[\u034f\u200c\u00a0\u200b\u2007\u00ad]{20,}\s*$/;

/** Rule 9: <html lang dir>, meta charset and viewport, a title. */
export function checkDocument(e: ParsedEmail): string[] {
  const out: string[] = [];
  const html = e.elements.find((el) => el.tagName === 'html')!;
  if (!attr(html, 'lang')) out.push('html without lang');
  if (!/^(ltr|rtl)$/.test(attr(html, 'dir') ?? '')) out.push('html without dir');
  const metas = e.elements.filter((el) => el.tagName === 'meta');
  if (!metas.some((m) => attr(m, 'charset')?.toLowerCase() === 'utf-8'))
    out.push('no meta charset utf-8');
  if (
    !metas.some(
      (m) => attr(m, 'name') === 'viewport' && /width=device-width/.test(attr(m, 'content') ?? ''),
    )
  )
    out.push('no viewport meta');
  const title = e.elements.find((el) => el.tagName === 'title');
  if (!title || textContent(title).trim() === '') out.push('no title');
  return out;
}

/** Rule 10: the preheader comes first in <body>, hidden, followed by spacer characters. */
export function checkPreheader(e: ParsedEmail): string[] {
  const first = e.body.childNodes.find(
    (n) => !(n.nodeName === '#text' && textContent(n).trim() === ''),
  );
  if (!first || !('tagName' in first) || first.tagName !== 'div')
    return ['body does not start with the preheader div'];
  const css = (attr(first, 'style') ?? '').replace(/\s/g, '');
  const out = ['display:none', 'max-height:0', 'overflow:hidden', 'mso-hide:all']
    .filter((d) => !css.includes(d))
    .map((d) => `preheader not hidden with ${d}`);
  if (!SPACERS.test(textContent(first))) out.push('preheader not followed by spacer characters');
  return out;
}

/** Rule 14: the plain text holds every visible word and every link URL of the HTML. */
export function checkPlainText(e: ParsedEmail): string[] {
  if (e.text.trim() === '') return ['no plain text'];
  const out: string[] = [];
  for (const el of e.elements) {
    const href = attr(el, 'href');
    if (href !== null && !e.text.includes(href)) out.push(`text lacks ${href}`);
  }
  const text = words(e.text);
  // The plain text hard-wraps words longer than a line; look for those without the breaks.
  const joined = e.text.toLowerCase().replace(/\s+/g, '');
  for (const word of words(visibleText(e)))
    if (!text.has(word) && !(word.length > 70 && joined.includes(word)))
      out.push(`text lacks the word "${word.slice(0, 40)}"`);
  return out;
}

/** Rule 15: no line over 998 bytes (HTML and text). */
export function checkLineLength(e: ParsedEmail): string[] {
  return [...e.html.split(/\r?\n/), ...e.text.split(/\r?\n/)]
    .filter((line) => byteLength(line) > 998)
    .map((line) => `${byteLength(line)}-byte line: ${line.slice(0, 60)}`);
}

/** Rule 16: each sponsor box shows "Sponsored" and its disclosure. */
export function checkSponsored(e: ParsedEmail): string[] {
  const sponsors = e.edition.sections.filter((s) => s.kind === 'sponsor');
  // A box: the cell whose own child is a leaf element reading "Sponsored…".
  const boxes = e.elements.filter(
    (td) =>
      td.tagName === 'td' &&
      childElements(td).some(
        (c) => childElements(c).length === 0 && /^Sponsored\b/.test(textContent(c).trim()),
      ),
  );
  const out: string[] = [];
  if (boxes.length < sponsors.length)
    out.push(`${sponsors.length} sponsors but ${boxes.length} boxes labelled "Sponsored"`);
  for (const sponsor of sponsors) {
    const disclosure = sponsor.disclosure.replace(/\s+/g, ' ').trim() || 'paid content';
    if (!boxes.some((box) => textContent(box).replace(/\s+/g, ' ').includes(disclosure)))
      out.push(`sponsor ${sponsor.id}: no disclosure in a labelled box`);
  }
  return out;
}

/** Rule 17: color-scheme meta, readable dark-mode colours, logos that survive dark mode. */
export function checkDarkMode(e: ParsedEmail): string[] {
  const out: string[] = [];
  if (
    !e.elements.some(
      (el) => attr(el, 'name') === 'color-scheme' && /dark/.test(attr(el, 'content') ?? ''),
    )
  )
    out.push('no color-scheme meta');
  const dark = cssRules(e.headCss)
    .filter(([p]) => /prefers-color-scheme\s*:\s*dark/.test(p))
    .flatMap(([, b]) => cssRules(b));
  const decls = (name: string) =>
    dark.flatMap(([sel, body]) =>
      declarations(body)
        .filter(([p]) => p === name)
        .map(([, v]) => [sel, v.replace(/\s*!important/, '')] as const),
    );
  const backgrounds = decls('background-color')
    .filter(([sel]) => !/logo/.test(sel))
    .map(([, v]) => v);
  if (backgrounds.length === 0) out.push('no dark background rules');
  for (const [sel, color] of decls('color'))
    for (const bg of backgrounds)
      if (contrastRatio(color, bg) < 4.5) out.push(`${sel} ${color} on ${bg} is unreadable`);
  const selectors = dark.map(([s]) => s);
  for (const img of e.elements.filter(
    (el) => el.tagName === 'img' && classes(el).some((c) => c.includes('logo')),
  )) {
    const cls = classes(img);
    const plated = cls.some(
      (c) => selectors.includes(`.${c}`) && decls('background-color').some(([s]) => s === `.${c}`),
    );
    const swapped =
      cls.some((c) => /light/.test(c)) &&
      e.elements.some((x) => x.tagName === 'img' && classes(x).some((c) => /logo-dark/.test(c)));
    if (!plated && !swapped && !cls.some((c) => /logo-dark/.test(c)))
      out.push(`logo ${attr(img, 'src')} has no dark variant or light plate`);
  }
  return out;
}
