import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { exportHref } from '../shared/links.ts';
import { ROUNDUP_BULLET, roundupItemOf } from '../shared/roundupItem.ts';
import { oneLine } from '../shared/text.ts';
import { wrap } from './wrap.ts';

/** Renders inline children as one string (blocks.ts's inlineText, passed in: no cycle). */
export type InlineText = (nodes: SerializedBodyNode[], warn: (message: string) => void) => string;

/**
 * One roundup item as a plain-text block: `emoji Title (Source)`, the blurb, then the
 * URL on a line of its own (never wrapped), all under the emoji so items read as a list.
 */
export function roundupItemText(
  node: SerializedBodyNode,
  warn: (message: string) => void,
  inlineText: InlineText,
): string[] {
  const item = roundupItemOf(node);
  const mark = `${item.emoji || ROUNDUP_BULLET} `;
  const indent = ' '.repeat(3);
  const head = `${item.title || item.url || 'Untitled link'}${item.source === '' ? '' : ` (${item.source})`}`;
  const lines = wrap(head, mark, indent);
  const blurb = oneLine(inlineText(childrenOf(node), warn));
  if (blurb !== '') lines.push(...wrap(blurb, indent, indent));
  if (item.url !== '') {
    const href = exportHref(item.url);
    if (href === null) warn('a roundup item has an unusable URL; it was left out');
    else lines.push(`${indent}${href}`);
  }
  return lines;
}
