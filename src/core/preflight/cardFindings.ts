import type { Element, Root, RootContent } from 'hast';
import { embedKind } from '../model/embed.ts';
import type { SerializedBodyNode } from '../model/types.ts';
import { calloutOf, embedOf, htmlCardOf, htmlCardTree } from '../export/shared/cardNodes.ts';
import { EMAIL_WIDTH } from '../export/email/styles.ts';
import { htmlCardLeftOutFindings } from './htmlCardLeftOut.ts';
import { urlProblems } from './linkFindings.ts';
import { textProblems } from './textFindings.ts';
import type { Finding } from './types.ts';

/** Preflight for the card nodes: what could hurt a reader in a callout, embed or HTML card. */

type Found = Omit<Finding, 'sectionId' | 'nodePath'>;

/** A callout's title carries the same text checks as any text. */
export function calloutFindings(node: SerializedBodyNode): Found[] {
  return textProblems(calloutOf(node).title, 'a callout title');
}

/** An embed without a link, or with an image that has no alt text, is a finding. */
export function embedFindings(node: SerializedBodyNode): Found[] {
  const f = embedOf(node);
  const out: Found[] = [];
  if (f.url === '')
    out.push({
      severity: 'error',
      code: 'embed-missing-link',
      message: 'an embed has no link: readers cannot open what it shows',
    });
  else out.push(...urlProblems(f.url).map((p) => ({ ...p, message: `embed: ${p.message}` })));
  if (embedKind(f.provider) === 'video' && f.image === '')
    out.push({
      severity: 'warning',
      code: 'embed-missing-thumbnail',
      message: 'a video embed has no thumbnail: the email shows only a text link',
    });
  if (f.image !== '' && f.alt.trim() === '')
    out.push({
      severity: 'warning',
      code: 'embed-missing-alt',
      message:
        'an embed image has no alt text: readers with images off or a screen reader get nothing',
    });
  if (f.image !== '' && /^http:/i.test(f.image))
    out.push({
      severity: 'error',
      code: 'embed-insecure-image',
      message: 'an embed image is not on https; the email leaves it out',
    });
  out.push(...textProblems(`${f.title} ${f.text} ${f.alt}`, 'an embed'));
  return out;
}

const SIX_HEX = /^#[0-9a-f]{6}$/i;
const COLOR_PROPERTY = /^(color|background|background-color|border(-[a-z]+)?-color)$/i;
const KB = 1024;

/**
 * The rules of EMAIL_RULES.md that apply to a fragment, checked on an HTML card (the
 * sanitizer already removed what rules 7 and 8 forbid, except http links): width (5),
 * images (6), http links (7), layout tables (4), dividers (12), colours (13), size (1).
 */
/** Elements EMAIL_RULES rule 3 wants styled inline. */
const INLINE_STYLED = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'ul',
  'ol',
  'li',
  'img',
]);

export function htmlCardFindings(node: SerializedBodyNode): Found[] {
  const tree = htmlCardTree(node);
  const found = new Map<string, Found>();
  const add = (code: string, severity: Finding['severity'], message: string) => {
    if (!found.has(code)) found.set(code, { severity, code: `htmlcard-${code}`, message });
  };
  // The email form's size: a card kept as written may carry comments the email drops.
  const size = htmlCardOf(node).length;
  if (size > 30 * KB)
    add(
      'large',
      'warning',
      `an HTML card is ${Math.round(size / KB)} KB: Gmail clips emails past 102 KB (rule 1)`,
    );
  walk(tree, (el) => {
    const props = el.properties;
    const styles = styleOf(el);
    const width =
      pixels(props.width) ?? pixels(styles.get('width')) ?? pixels(styles.get('min-width'));
    if (width !== null && width > EMAIL_WIDTH)
      add(
        'too-wide',
        'error',
        `an HTML card is ${width} px wide; email content is at most ${EMAIL_WIDTH} px (rule 5)`,
      );
    if (el.tagName === 'img') {
      if (typeof props.alt !== 'string')
        add('img-alt', 'warning', 'an image in an HTML card has no alt text (rule 6)');
      if (pixels(props.width) === null)
        add(
          'img-width',
          'warning',
          'an image in an HTML card has no numeric width; Outlook needs one (rule 6)',
        );
      if (typeof props.src === 'string' && !/^https:/i.test(props.src))
        add('img-insecure', 'error', 'an image in an HTML card is not on https (rule 6)');
    }
    // Rule 3: clients that drop head styles leave these elements bare unless styled inline.
    if (INLINE_STYLED.has(el.tagName) && styles.size === 0)
      add(
        'unstyled',
        'warning',
        `a <${el.tagName}> in an HTML card has no inline style; clients that drop head styles show it bare (rule 3)`,
      );
    if (el.tagName === 'a' && typeof props.href === 'string' && /^http:/i.test(props.href))
      add('link-insecure', 'warning', 'a link in an HTML card is not https (rule 7)');
    if (el.tagName === 'table') {
      const zero = (v: unknown) => v !== undefined && String(v) === '0';
      if (
        props.role !== 'presentation' ||
        !zero(props.cellPadding) ||
        !zero(props.cellSpacing) ||
        !zero(props.border)
      )
        add(
          'table-attributes',
          'warning',
          'a table in an HTML card needs role="presentation" and zero cellpadding, cellspacing and border (rule 4)',
        );
    }
    const display = styles.get('display') ?? '';
    if (/flex|grid/i.test(display) || styles.has('float'))
      add(
        'layout',
        'warning',
        'an HTML card uses flex, grid or float, which Outlook cannot lay out (rule 4)',
      );
    if (el.tagName === 'hr')
      add('hr', 'warning', 'an HTML card uses <hr>; dividers should be table borders (rule 12)');
    const colors = [
      props.bgColor,
      props.color,
      ...[...styles].filter(([k]) => COLOR_PROPERTY.test(k)).map(([, v]) => v),
    ];
    for (const color of colors) {
      if (typeof color !== 'string') continue;
      for (const value of color.split(/\s+/))
        if (
          /^(#|rgb|hsl|[a-z]+$)/i.test(value) &&
          !SIX_HEX.test(value) &&
          !/^(none|transparent|inherit|solid|dashed|dotted|double|\d.*)$/i.test(value)
        )
          add(
            'color',
            'warning',
            `an HTML card uses the colour "${value.slice(0, 30)}"; use six-digit hex (rule 13)`,
          );
    }
  });
  return [...found.values(), ...htmlCardLeftOutFindings(node)];
}

function walk(node: Root | RootContent, visit: (el: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

function styleOf(el: Element): Map<string, string> {
  const map = new Map<string, string>();
  if (typeof el.properties.style !== 'string') return map;
  for (const declaration of el.properties.style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0)
      map.set(
        declaration.slice(0, colon).trim().toLowerCase(),
        declaration.slice(colon + 1).trim(),
      );
  }
  return map;
}

function pixels(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const match = /^(\d+(?:\.\d+)?)(px)?$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}
