import { blockListFields } from '../../model/blockList.ts';
import type { SerializedBodyNode } from '../../model/types.ts';
import { childrenOf } from '../shared/bodyNodes.ts';
import { columns, TEXT_WIDTH, wrap } from './wrap.ts';

type TextBlock = string[];
type Blocks = (node: SerializedBodyNode) => TextBlock[];

/**
 * A list whose items hold blocks, in plain text: each item's marker (`1. `, `- `) then
 * its blocks indented by the marker's width; a blank line between an item's blocks, and
 * between items when the list is loose. One text block, so the items read as one list.
 */
export function blockListText(node: SerializedBodyNode, blocks: Blocks): TextBlock[] {
  const { listType, start, loose } = blockListFields(node);
  const lines: string[] = [];
  childrenOf(node).forEach((item, index) => {
    const marker = listType === 'number' ? `${start + index}. ` : '- ';
    const indent = ' '.repeat(columns(marker));
    if (loose && index > 0) lines.push('');
    let first = true;
    for (const child of childrenOf(item)) {
      // Code keeps its lines as written (a wrapped line would change the code).
      const rewrap = child.type !== 'code-block';
      for (const block of blocks(child)) {
        if (!first) lines.push('');
        block.forEach((line, i) => {
          const prefix = first && i === 0 ? marker : indent;
          // The block was wrapped at the full width; a line the indent pushes past it wraps again.
          if (line === '') lines.push('');
          else if (rewrap && columns(prefix + line) > TEXT_WIDTH)
            lines.push(...wrap(line, prefix, indent));
          else lines.push(prefix + line);
        });
        first = false;
      }
    }
    if (first) lines.push(marker.trimEnd());
  });
  return lines.length === 0 ? [] : [lines];
}
