import type { BodyNodeType } from '../../lexical/nodes.ts';
import type { SerializedBodyNode } from '../../model/types.ts';

/**
 * Typed reads of the canonical node shapes `restoreBody` produces, shared by every
 * exporter and by preflight. The exporters switch over `bodyNodeType(node)` with a
 * `never` check, so a node type added to the editor fails to compile until each has a case.
 */

/** Lexical's text format bits that Galley keeps. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
} as const;

// A Record, not a Set: adding a type to BODY_NODE_TYPES is a compile error here until listed.
const KNOWN: Record<BodyNodeType, true> = {
  root: true,
  paragraph: true,
  text: true,
  linebreak: true,
  tab: true,
  heading: true,
  quote: true,
  list: true,
  listitem: true,
  link: true,
  horizontalrule: true,
  image: true,
  button: true,
  roundupitem: true,
  'code-block': true,
  table: true,
  tablerow: true,
  tablecell: true,
  callout: true,
  embed: true,
  htmlcard: true,
  quoteblock: true,
  inlinehtml: true,
  blocklist: true,
  blocklistitem: true,
};

/** The node's type when the exporters know it, else null (the caller warns and keeps its text). */
export function bodyNodeType(node: SerializedBodyNode): BodyNodeType | null {
  return Object.hasOwn(KNOWN, node.type) ? (node.type as BodyNodeType) : null;
}

/** For the `default` branch of an exhaustive switch over `BodyNodeType`. */
export function unreachableNodeType(type: never): never {
  throw new Error(`export: no case for body node type ${String(type)}`);
}

/** The node's children, or none. */
export function childrenOf(node: SerializedBodyNode): SerializedBodyNode[] {
  return Array.isArray(node.children) ? node.children : [];
}

/** A text node's text. */
export function textOf(node: SerializedBodyNode): string {
  return typeof node.text === 'string' ? node.text : '';
}

/** A text node's format bitmask. */
export function formatOf(node: SerializedBodyNode): number {
  return typeof node.format === 'number' ? node.format : 0;
}

/** True when `format` has `bit` (one of TEXT_FORMAT). */
export function hasFormat(format: number, bit: number): boolean {
  return (format & bit) !== 0;
}

/** A link node's URL as stored (check it with `exportHref` before use). */
export function linkUrlOf(node: SerializedBodyNode): string {
  return typeof node.url === 'string' ? node.url : '';
}

/** A body heading's level, 1 to 6 (restoreBody keeps every level HeadingNode has). */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

const HEADING_LEVELS: Record<string, HeadingLevel> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** A heading's level: h1 to h6 as stored, h3 when the tag is unreadable. */
export function headingLevelOf(node: SerializedBodyNode): HeadingLevel {
  return typeof node.tag === 'string' && Object.hasOwn(HEADING_LEVELS, node.tag)
    ? HEADING_LEVELS[node.tag]!
    : 3;
}

export interface ImageFields {
  src: string;
  alt: string;
  width: number | null;
  caption: string;
}

/** An image node's fields. */
export function imageOf(node: SerializedBodyNode): ImageFields {
  const width =
    typeof node.width === 'number' && Number.isFinite(node.width) && node.width > 0
      ? Math.round(node.width)
      : null;
  return { src: str(node.src), alt: str(node.alt), width, caption: str(node.caption) };
}

/** A button node's label and URL. */
export function buttonOf(node: SerializedBodyNode): { label: string; url: string } {
  return { label: str(node.label), url: str(node.url) };
}

export type ListType = 'bullet' | 'number' | 'check';

/** A list node's type and first number. */
export function listOf(node: SerializedBodyNode): { listType: ListType; start: number } {
  const listType: ListType =
    node.listType === 'number' || node.listType === 'check' ? node.listType : 'bullet';
  const start =
    typeof node.start === 'number' && Number.isInteger(node.start) && node.start >= 0
      ? node.start
      : 1;
  return { listType, start };
}

/**
 * The nested list a list item wraps, when it is Lexical's wrapper item (its only child a
 * list), else null.
 */
export function nestedListOf(item: SerializedBodyNode): SerializedBodyNode | null {
  const children = childrenOf(item);
  return children.length === 1 && children[0]?.type === 'list' ? children[0] : null;
}

/** A check-list item's state. */
export function isChecked(item: SerializedBodyNode): boolean {
  return item.checked === true;
}

export type BlockAlign = 'left' | 'center' | 'right' | 'justify' | null;

/** A block's alignment (`format` on element nodes); start and end map to the text direction. */
export function alignOf(node: SerializedBodyNode, dir: 'ltr' | 'rtl'): BlockAlign {
  switch (node.format) {
    case 'left':
    case 'center':
    case 'right':
    case 'justify':
      return node.format;
    case 'start':
      return dir === 'rtl' ? 'right' : 'left';
    case 'end':
      return dir === 'rtl' ? 'left' : 'right';
    default:
      return null;
  }
}

/** A block's own text direction, when the editor set one. */
export function directionOf(node: SerializedBodyNode): 'ltr' | 'rtl' | null {
  return node.direction === 'ltr' || node.direction === 'rtl' ? node.direction : null;
}

/** A block's indent level (0 to 10). */
export function indentOf(node: SerializedBodyNode): number {
  return typeof node.indent === 'number' && node.indent > 0 ? Math.min(node.indent, 10) : 0;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
