import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { columns, TEXT_WIDTH, wrap } from './wrap.ts';

type TextBlock = string[];
type Blocks = (node: SerializedBodyNode) => TextBlock[];

/**
 * A quote container in the plain-text part: its blocks with `> ` before every line and a
 * `>` line between them, as mail clients quote; a nested quote reads `> > `.
 */
export function quoteBlockText(node: SerializedBodyNode, blocks: Blocks): TextBlock[] {
  const lines: string[] = [];
  childrenOf(node)
    .flatMap(blocks)
    .forEach((block, i) => {
      if (i > 0) lines.push('>');
      for (const line of block) lines.push(...quoted(line));
    });
  return lines.length === 0 ? [] : [lines];
}

// The blocks were wrapped at the full width; a line the `> ` pushes past it wraps again,
// keeping any quote marks it already had on every piece.
function quoted(line: string): string[] {
  if (line === '') return ['>'];
  if (columns(`> ${line}`) <= TEXT_WIDTH) return [`> ${line}`];
  const [, marks = '', rest = ''] = /^((?:> ?)*)(.*)$/.exec(line) ?? [];
  const prefix = marks === '' ? '> ' : `> ${marks.trimEnd()} `;
  return wrap(rest, prefix, prefix);
}
