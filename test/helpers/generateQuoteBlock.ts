import type { SerializedBodyNode } from '../../src/core/index.ts';
import { el } from './bodyNodes.ts';
import type { Random } from './random.ts';

type Inline = (r: Random) => SerializedBodyNode[];

/**
 * A quote container for generated editions: two to four blocks drawn from paragraphs, an
 * h4 heading, a one-run quote, a divider and (one level down) another container.
 */
export function generateQuoteBlock(r: Random, inline: Inline, depth = 0): SerializedBodyNode {
  const blocks: SerializedBodyNode[] = [];
  const count = r.int(2, 4);
  for (let i = 0; i < count; i++) {
    switch (r.int(0, depth === 0 ? 4 : 3)) {
      case 0:
        blocks.push({ ...el('heading', inline(r)), tag: 'h4' });
        break;
      case 1:
        blocks.push(el('quote', inline(r)));
        break;
      case 2:
        blocks.push({ type: 'horizontalrule', version: 1 });
        break;
      case 4:
        blocks.push(generateQuoteBlock(r, inline, depth + 1));
        break;
      default:
        blocks.push({ ...el('paragraph', inline(r)), textFormat: 0, textStyle: '' });
    }
  }
  return el('quoteblock', blocks);
}
