/**
 * TEST-ONLY (the `.testkit.ts` suffix): parses an exported email the way a browser does
 * (parse5, the WHATWG parser) and offers the small queries the email rule checks use.
 * Production code never imports a testkit; `emailRules.test.ts` asserts that.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { Edition } from '../../model/types.ts';

type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;

/** An exported email with everything the rule checks look at. */
export interface ParsedEmail {
  html: string;
  text: string;
  edition: Edition;
  /** Every element in document order. */
  elements: Element[];
  body: Element;
  /** The data of every comment (Outlook conditionals, line-break comments). */
  comments: string[];
  /** The contents of every `<style>` element, then those inside conditional comments. */
  styles: string[];
  /** Only the real `<style>` elements (what non-Outlook clients read). */
  headCss: string;
}

/** Parses an email for the rule checks. */
export function parseEmail(html: string, text: string, edition: Edition): ParsedEmail {
  const doc = parse(html);
  const elements: Element[] = [];
  const comments: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === '#comment' && 'data' in node) comments.push(node.data);
    if ('tagName' in node) elements.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(doc);
  const styleElements = elements.filter((e) => e.tagName === 'style').map(textContent);
  const conditionalStyles = comments.flatMap((c) =>
    [...c.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? ''),
  );
  const body = elements.find((e) => e.tagName === 'body');
  if (!body) throw new Error('parseEmail: no body');
  return {
    html,
    text,
    edition,
    elements,
    body,
    comments,
    styles: [...styleElements, ...conditionalStyles],
    headCss: styleElements.join('\n'),
  };
}

/** Every style: the <style> blocks, then each style attribute. */
export function allCss(email: ParsedEmail): string[] {
  const inline = email.elements
    .map((el) => attr(el, 'style'))
    .filter((s): s is string => s !== null);
  return [...email.styles, ...inline];
}

/** `<td.gx-card>`: an element named for a violation message. */
export function describeElement(element: Element): string {
  const cls = classes(element);
  return `<${element.tagName}${cls.length > 0 ? `.${cls.join('.')}` : ''}>`;
}

/** An attribute's value, or null. */
export function attr(element: Element, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

/** The element's class names. */
export function classes(element: Element): string[] {
  return (attr(element, 'class') ?? '').split(/\s+/).filter(Boolean);
}

/** All text below a node, as the DOM's textContent. */
export function textContent(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map(textContent).join('');
}

/** The element children of a node. */
export function childElements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.filter((c): c is Element => 'tagName' in c);
}

/** Text a reader sees: the body without the hidden preheader. */
export function visibleText(email: ParsedEmail): string {
  const preheader = childElements(email.body)[0];
  return childNodesText(email.body, preheader);
}

function childNodesText(node: Node, skip: Node | undefined): string {
  if (node === skip) return ' ';
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.map((c) => childNodesText(c, skip)).join(' ');
}

/** Words for comparing text: runs of letters and digits, lower-cased. */
export function words(value: string): Set<string> {
  return new Set((value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w));
}

/** A style attribute as [property, value] pairs (lower-case property). */
export function declarations(styleText: string): Array<[string, string]> {
  return styleText
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const colon = d.indexOf(':');
      return [d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim()] as [
        string,
        string,
      ];
    });
}

/** A CSS text's top-level rules as [prelude, body] with comments stripped. */
export function cssRules(css: string): Array<[string, string]> {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Array<[string, string]> = [];
  let depth = 0;
  let start = 0;
  let prelude = '';
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === '{') {
      if (depth === 0) {
        prelude = clean.slice(start, i).trim();
        start = i + 1;
      }
      depth += 1;
    } else if (clean[i] === '}') {
      depth -= 1;
      if (depth === 0) {
        rules.push([prelude, clean.slice(start, i)]);
        start = i + 1;
      }
    }
  }
  return rules;
}

/** UTF-8 size, counted independently of the exporter's own helper. */
export function byteLength(value: string): number {
  let n = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** WCAG contrast of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = Number.parseInt(hex.slice(1), 16);
    const [r, g, bl] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
