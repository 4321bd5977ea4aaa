import type { SerializedBodyNode } from '../../src/core/index.ts';
import { el } from './bodyNodes.ts';
import { codeBlock } from './codeBlockNodes.ts';
import type { Random } from './random.ts';

type Inline = (r: Random) => SerializedBodyNode[];

/**
 * A block list for generated editions: numbered (from a random start) or bulleted, tight
 * or loose, its first item a step with a code block under it (so it cannot be an ordinary
 * list), the others a paragraph, a quote, or (in a loose list) two paragraphs.
 */
export function generateBlockList(r: Random, inline: Inline): SerializedBodyNode {
  const loose = r.chance(0.5);
  const para = () => ({ ...el('paragraph', inline(r)), textFormat: 0, textStyle: '' });
  const items = [el('blocklistitem', [para(), codeBlock(r)])];
  for (let i = 0; i < r.int(0, 3); i++) {
    const kind = r.int(0, 2);
    if (kind === 0) items.push(el('blocklistitem', [para()]));
    else if (kind === 1) items.push(el('blocklistitem', [para(), el('quote', inline(r))]));
    // Two paragraphs in a row are only written loose.
    else items.push(el('blocklistitem', loose ? [para(), para()] : [para(), codeBlock(r)]));
  }
  const listType = r.pick(['bullet', 'number'] as const);
  return {
    ...el('blocklist', items),
    listType,
    start: listType === 'number' ? r.int(0, 20) : 1,
    loose,
  };
}
